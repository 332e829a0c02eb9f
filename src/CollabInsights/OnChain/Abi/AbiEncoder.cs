using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace CollabInsights.OnChain.Abi;

/// <summary>
/// Encodes values with the Solidity contract ABI (head/tail layout, 32-byte words). Accepted
/// values: integers as any .NET integer type, <see cref="BigInteger"/> or decimal/hex text;
/// addresses as hex text; bytes as <c>byte[]</c> or <c>0x</c>-hex; strings; arrays and tuples as
/// any <see cref="IEnumerable"/> (or a <see cref="ITuple"/> for tuples).
/// </summary>
public static class AbiEncoder
{
    /// <summary>Encodes <paramref name="values"/> as the tuple of <paramref name="types"/> (what function arguments and event data are).</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
        {
            throw new AbiException($"Expected {types.Count} values for ({string.Join(",", types)}), got {values.Count}.");
        }

        var buffer = new List<byte>(32 * types.Count);
        EncodeSequence(types, values, buffer);
        return [.. buffer];
    }

    /// <summary>Encodes values for parameters (their types only).</summary>
    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values) =>
        Encode(parameters.Select(p => p.Type).ToList(), values);

    /// <summary>Encodes one value of <paramref name="type"/> as a one-element tuple.</summary>
    public static byte[] EncodeSingle(AbiType type, object? value) => Encode([type], [value]);

    /// <summary>
    /// The 32-byte topic of an indexed event parameter: the value's encoding for value types,
    /// the Keccak-256 of the raw bytes for <c>string</c>/<c>bytes</c>, and the Keccak-256 of the
    /// padded in-place encoding for arrays and tuples.
    /// </summary>
    public static byte[] EncodeTopic(AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.String:
                return Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(AsString(value)));
            case AbiTypeKind.Bytes:
                return Sha3Keccack.Current.CalculateHash(AsBytes(value));
            case AbiTypeKind.Array or AbiTypeKind.FixedArray or AbiTypeKind.Tuple:
                var buffer = new List<byte>();
                EncodeInPlace(type, value, buffer);
                return Sha3Keccack.Current.CalculateHash([.. buffer]);
            default:
                return EncodeSingle(type, value);
        }
    }

    private static void EncodeSequence(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, List<byte> output)
    {
        var headLength = 0;
        foreach (var t in types)
        {
            headLength += t.HeadSize;
        }

        var tails = new List<byte>();
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            if (type.IsDynamic)
            {
                WriteUInt(output, new BigInteger(headLength + tails.Count));
                EncodeValue(type, values[i], tails);
            }
            else
            {
                EncodeValue(type, values[i], output);
            }
        }

        output.AddRange(tails);
    }

    private static void EncodeValue(AbiType type, object? value, List<byte> output)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
            {
                var v = AsInteger(value, type);
                if (v.Sign < 0 || v >= BigInteger.One << type.Size)
                {
                    throw new AbiException($"{v} is out of range for {type}.");
                }

                WriteUInt(output, v);
                return;
            }

            case AbiTypeKind.Int:
            {
                var v = AsInteger(value, type);
                var limit = BigInteger.One << (type.Size - 1);
                if (v < -limit || v >= limit)
                {
                    throw new AbiException($"{v} is out of range for {type}.");
                }

                WriteInt(output, v);
                return;
            }

            case AbiTypeKind.Address:
            {
                var bytes = AsAddress(value);
                output.AddRange(new byte[12]);
                output.AddRange(bytes);
                return;
            }

            case AbiTypeKind.Bool:
                WriteUInt(output, AsBool(value) ? BigInteger.One : BigInteger.Zero);
                return;
            case AbiTypeKind.FixedBytes:
            {
                var bytes = AsBytes(value);
                if (bytes.Length != type.Size)
                {
                    throw new AbiException($"{type} needs exactly {type.Size} bytes, got {bytes.Length}.");
                }

                output.AddRange(bytes);
                output.AddRange(new byte[32 - bytes.Length]);
                return;
            }

            case AbiTypeKind.Bytes:
                WriteDynamicBytes(output, AsBytes(value));
                return;
            case AbiTypeKind.String:
                WriteDynamicBytes(output, Encoding.UTF8.GetBytes(AsString(value)));
                return;
            case AbiTypeKind.Array:
            {
                var items = AsList(value, type);
                WriteUInt(output, new BigInteger(items.Count));
                EncodeSequence(Enumerable.Repeat(type.Element!, items.Count).ToList(), items, output);
                return;
            }

            case AbiTypeKind.FixedArray:
            {
                var items = AsList(value, type);
                if (items.Count != type.Length)
                {
                    throw new AbiException($"{type} needs exactly {type.Length} elements, got {items.Count}.");
                }

                EncodeSequence(Enumerable.Repeat(type.Element!, items.Count).ToList(), items, output);
                return;
            }

            case AbiTypeKind.Tuple:
            {
                var items = AsTupleItems(value, type);
                EncodeSequence(type.Components.Select(c => c.Type).ToList(), items, output);
                return;
            }

            default:
                throw new AbiException($"Cannot encode {type}.");
        }
    }

    // The "in place" encoding of indexed arrays/tuples: elements padded to 32 bytes, no offsets or lengths.
    private static void EncodeInPlace(AbiType type, object? value, List<byte> output)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.String:
                WritePadded(output, Encoding.UTF8.GetBytes(AsString(value)));
                return;
            case AbiTypeKind.Bytes:
                WritePadded(output, AsBytes(value));
                return;
            case AbiTypeKind.Array or AbiTypeKind.FixedArray:
                foreach (var item in AsList(value, type))
                {
                    EncodeInPlace(type.Element!, item, output);
                }

                return;
            case AbiTypeKind.Tuple:
                var items = AsTupleItems(value, type);
                for (var i = 0; i < items.Count; i++)
                {
                    EncodeInPlace(type.Components[i].Type, items[i], output);
                }

                return;
            default:
                EncodeValue(type, value, output);
                return;
        }
    }

    private static void WriteDynamicBytes(List<byte> output, byte[] bytes)
    {
        WriteUInt(output, new BigInteger(bytes.Length));
        WritePadded(output, bytes);
    }

    private static void WritePadded(List<byte> output, byte[] bytes)
    {
        output.AddRange(bytes);
        var pad = (32 - (bytes.Length % 32)) % 32;
        output.AddRange(new byte[pad]);
    }

    private static void WriteUInt(List<byte> output, BigInteger value)
    {
        var bytes = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        output.AddRange(new byte[32 - bytes.Length]);
        output.AddRange(bytes);
    }

    private static void WriteInt(List<byte> output, BigInteger value)
    {
        if (value.Sign >= 0)
        {
            WriteUInt(output, value);
            return;
        }

        WriteUInt(output, (BigInteger.One << 256) + value);
    }

    internal static BigInteger AsInteger(object? value, AbiType type) => value switch
    {
        BigInteger b => b,
        byte v => v,
        sbyte v => v,
        short v => v,
        ushort v => v,
        int v => v,
        uint v => v,
        long v => v,
        ulong v => v,
        Int128 v => (BigInteger)v,
        UInt128 v => (BigInteger)v,
        decimal d when decimal.Truncate(d) == d => new BigInteger(d),
        string s when s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => s.HexToBigInteger(false),
        string s when BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new AbiException($"{Describe(value)} is not an integer for {type}."),
    };

    private static bool AsBool(object? value) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => throw new AbiException($"{Describe(value)} is not a bool."),
    };

    private static byte[] AsAddress(object? value)
    {
        if (value is byte[] { Length: 20 } raw)
        {
            return raw;
        }

        if (value is string s)
        {
            var digits = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s[2..] : s;
            if (!AddressUtil.Current.IsValidEthereumAddressHexFormat("0x" + digits))
            {
                throw new AbiException($"'{s}' is not an address: expected 0x followed by 40 hex digits.");
            }

            if (digits.Any(char.IsAsciiLetterLower) && digits.Any(char.IsAsciiLetterUpper) && !AddressUtil.Current.IsChecksumAddress("0x" + digits))
            {
                throw new AbiException($"'{s}' has a wrong EIP-55 checksum (mixed case that does not match); check for a typo or write it in lower case.");
            }

            return digits.HexToByteArray();
        }

        throw new AbiException($"{Describe(value)} is not an address.");
    }

    private static byte[] AsBytes(object? value) => value switch
    {
        byte[] b => b,
        ReadOnlyMemory<byte> m => m.ToArray(),
        string s when s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && s.Length % 2 == 0 && s.Skip(2).All(char.IsAsciiHexDigit) => s.HexToByteArray(),
        _ => throw new AbiException($"{Describe(value)} is not bytes: give a byte[] or 0x-prefixed hex with an even number of digits."),
    };

    private static string AsString(object? value) => value switch
    {
        string s => s,
        _ => throw new AbiException($"{Describe(value)} is not a string."),
    };

    private static IReadOnlyList<object?> AsList(object? value, AbiType type) => value switch
    {
        IReadOnlyList<object?> list => list,
        string or null => throw new AbiException($"{Describe(value)} is not a list for {type}."),
        IEnumerable e => e.Cast<object?>().ToList(),
        _ => throw new AbiException($"{Describe(value)} is not a list for {type}."),
    };

    private static IReadOnlyList<object?> AsTupleItems(object? value, AbiType type)
    {
        IReadOnlyList<object?> items;
        if (value is ITuple tuple)
        {
            items = Enumerable.Range(0, tuple.Length).Select(i => tuple[i]).ToList();
        }
        else if (value is IReadOnlyDictionary<string, object?> named)
        {
            items = type.Components.Select(c => named.TryGetValue(c.Name, out var v) ? v : throw new AbiException($"The value for {type} has no component '{c.Name}'.")).ToList();
        }
        else
        {
            items = AsList(value, type);
        }

        if (items.Count != type.Components.Count)
        {
            throw new AbiException($"{type} needs {type.Components.Count} components, got {items.Count}.");
        }

        return items;
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"'{(s.Length > 80 ? s[..80] + "..." : s)}'",
        _ => $"{value} ({value.GetType().Name})",
    };
}
