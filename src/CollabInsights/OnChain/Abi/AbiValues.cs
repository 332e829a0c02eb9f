using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.OnChain.Abi;

/// <summary>
/// Text forms of decoded ABI values for tables and reports: integers as exact decimal text,
/// arrays and tuples as JSON (integers inside as JSON strings, so no reader turns them into doubles).
/// </summary>
public static class AbiValues
{
    /// <summary>Invariant text: decimal for integers, <c>true</c>/<c>false</c>, hex and addresses as is, JSON for arrays/tuples.</summary>
    public static string ToText(object? value) => value switch
    {
        null => string.Empty,
        BigInteger b => b.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => s,
        IReadOnlyList<object?> => ToJson(value),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>
    /// The table cell of a value Nethereum's decoder gave for <paramref name="type"/>: booleans as <c>bool</c>; everything else as
    /// text: integers in decimal, addresses EIP-55 checksummed, <c>bytesN</c> as its N bytes in lower-case hex, <c>bytes</c> as hex,
    /// strings as they are, arrays and tuples as JSON (see <see cref="ToJson"/>; a tuple is the array of its components).
    /// </summary>
    public static object? ToCell(object? value, ABIType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Normalise(value, type) switch
        {
            bool b => b,
            IReadOnlyList<object?> list => ToJson(list),
            var v => ToText(v),
        };
    }

    /// <summary>JSON for a decoded value: integers as strings, booleans as JSON booleans, lists as arrays.</summary>
    public static string ToJson(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The value in the kit's forms: BigInteger, bool, text (addresses checksummed, bytes hex) or a list of those.</summary>
    internal static object? Normalise(object? value, ABIType type)
    {
        switch (type)
        {
            case TupleType tuple when value is IEnumerable<ParameterOutput> components:
                {
                    var outputs = components.ToList();
                    return outputs.Select((o, i) => Normalise(o.Result, tuple.Components[i].ABIType)).ToList();
                }

            case ArrayType array when value is System.Collections.IEnumerable items and not string and not byte[]:
                {
                    var list = new List<object?>();
                    foreach (var item in items)
                    {
                        list.Add(Normalise(item is ParameterOutput o ? o.Result : item, array.ElementType));
                    }

                    return list;
                }

            case AddressType when value is string address:
                return Nethereum.Util.AddressUtil.Current.ConvertToChecksumAddress(address);
            case BoolType:
                return value is bool b ? b : Convert.ToBoolean(value, CultureInfo.InvariantCulture);
            case IntType when value is not null and not BigInteger:
                return BigInteger.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
            case BytesType when value is byte[] bytes:
                return bytes.ToHex(true);
            case var elementary when value is byte[] fixedBytes && elementary.Name.StartsWith("bytes", StringComparison.Ordinal)
                && int.TryParse(elementary.Name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var size):
                return fixedBytes.AsSpan(0, Math.Min(size, fixedBytes.Length)).ToArray().ToHex(true);
            default:
                return value is byte[] raw ? raw.ToHex(true) : value;
        }
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(ToText(value));
                break;
        }
    }
}
