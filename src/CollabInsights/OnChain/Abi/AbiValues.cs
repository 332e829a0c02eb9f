using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

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
