using System.Numerics;
using System.Text;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace CollabInsights.OnChain.Abi;

/// <summary>
/// Decodes Solidity ABI data. Values come back as: integers <see cref="BigInteger"/> (never
/// floating point), addresses EIP-55 checksummed text, <c>bool</c>, bytes and <c>bytesN</c> as
/// <c>0x</c>-hex text, strings as UTF-8 text, arrays and tuples as <see cref="IReadOnlyList{T}"/>.
/// Malformed data (offsets or lengths out of bounds) throws <see cref="AbiException"/>.
/// </summary>
public static class AbiDecoder
{
    private static readonly BigInteger Two256 = BigInteger.One << 256;

    /// <summary>Decodes <paramref name="data"/> as the tuple of <paramref name="types"/>.</summary>
    public static IReadOnlyList<object?> Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return DecodeSequence(types, data, 0);
    }

    /// <summary>Decodes data for parameters (their types only).</summary>
    public static IReadOnlyList<object?> Decode(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data) =>
        Decode(parameters.Select(p => p.Type).ToList(), data);

    /// <summary>Decodes one value of a static type from a 32-byte event topic.</summary>
    public static object? DecodeTopic(AbiType type, ReadOnlySpan<byte> topic)
    {
        if (type.IsDynamic || type.Kind is AbiTypeKind.Tuple or AbiTypeKind.FixedArray)
        {
            return "0x" + Convert.ToHexStringLower(topic);
        }

        if (topic.Length != 32)
        {
            throw new AbiException($"A topic has 32 bytes, got {topic.Length}.");
        }

        return DecodeValue(type, topic, 0);
    }

    private static List<object?> DecodeSequence(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, int start)
    {
        var values = new List<object?>(types.Count);
        var position = start;
        foreach (var type in types)
        {
            if (type.IsDynamic)
            {
                var offset = ReadLength(data, position, "offset");
                var target = (long)start + offset;
                if (target > data.Length)
                {
                    throw new AbiException($"Offset {offset} for {type} at byte {position} points past the end of the data ({data.Length} bytes).");
                }

                values.Add(DecodeValue(type, data, (int)target));
                position += 32;
            }
            else
            {
                values.Add(DecodeValue(type, data, position));
                position += type.HeadSize;
            }
        }

        return values;
    }

    private static object? DecodeValue(AbiType type, ReadOnlySpan<byte> data, int position)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
            {
                var word = ReadWord(data, position, type);
                var value = new BigInteger(word, isUnsigned: true, isBigEndian: true);
                return type.Size == 256 ? value : value & ((BigInteger.One << type.Size) - 1);
            }

            case AbiTypeKind.Int:
            {
                var word = ReadWord(data, position, type);
                var value = new BigInteger(word, isUnsigned: true, isBigEndian: true);
                if (type.Size < 256)
                {
                    value &= (BigInteger.One << type.Size) - 1;
                    return value >= BigInteger.One << (type.Size - 1) ? value - (BigInteger.One << type.Size) : value;
                }

                return value >= BigInteger.One << 255 ? value - Two256 : value;
            }

            case AbiTypeKind.Address:
                return AddressUtil.Current.ConvertToChecksumAddress(ReadWord(data, position, type)[12..]);
            case AbiTypeKind.Bool:
                return !ReadWord(data, position, type).All(b => b == 0);
            case AbiTypeKind.FixedBytes:
                return "0x" + Convert.ToHexStringLower(ReadWord(data, position, type).AsSpan(0, type.Size));
            case AbiTypeKind.Bytes:
                return ReadDynamicBytes(data, position, type).ToHex(true);
            case AbiTypeKind.String:
                return Encoding.UTF8.GetString(ReadDynamicBytes(data, position, type));
            case AbiTypeKind.Array:
            {
                var count = ReadLength(data, position, "array length");
                // Each element takes at least 32 bytes of head: a larger count cannot be valid.
                if ((long)count * type.Element!.HeadSize > data.Length - position - 32L)
                {
                    throw new AbiException($"Array length {count} for {type} at byte {position} exceeds the data.");
                }

                return DecodeSequence(Enumerable.Repeat(type.Element, count).ToList(), data, position + 32);
            }

            case AbiTypeKind.FixedArray:
                return DecodeSequence(Enumerable.Repeat(type.Element!, type.Length).ToList(), data, position);
            case AbiTypeKind.Tuple:
                return DecodeSequence(type.Components.Select(c => c.Type).ToList(), data, position);
            default:
                throw new AbiException($"Cannot decode {type}.");
        }
    }

    private static byte[] ReadWord(ReadOnlySpan<byte> data, int position, AbiType type)
    {
        if (position < 0 || position + 32 > data.Length)
        {
            throw new AbiException($"The data ends before the {type} value at byte {position} ({data.Length} bytes).");
        }

        return data.Slice(position, 32).ToArray();
    }

    private static int ReadLength(ReadOnlySpan<byte> data, int position, string what)
    {
        if (position < 0 || position + 32 > data.Length)
        {
            throw new AbiException($"The data ends before the {what} at byte {position} ({data.Length} bytes).");
        }

        var value = new BigInteger(data.Slice(position, 32), isUnsigned: true, isBigEndian: true);
        if (value > int.MaxValue)
        {
            throw new AbiException($"The {what} at byte {position} is too large ({value}).");
        }

        return (int)value;
    }

    private static byte[] ReadDynamicBytes(ReadOnlySpan<byte> data, int position, AbiType type)
    {
        var length = ReadLength(data, position, $"{type} length");
        if ((long)position + 32 + length > data.Length)
        {
            throw new AbiException($"The {type} at byte {position} claims {length} bytes but the data ends first.");
        }

        return data.Slice(position + 32, length).ToArray();
    }
}
