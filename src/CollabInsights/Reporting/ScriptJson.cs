using System.Text;

namespace CollabInsights.Reporting;

/// <summary>
/// JSON made safe to place inside an HTML <c>&lt;script&gt;</c> element: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028 and
/// U+2029 become <c>\u003c</c>, <c>\u003e</c>, <c>\u0026</c>, <c>\u2028</c> and <c>\u2029</c>. Outside strings JSON has none
/// of these characters, so the result is the same JSON value (and the same JavaScript value), and no data value can end
/// the script element (<c>&lt;/script&gt;</c>), open an HTML comment (<c>&lt;!--</c>) or break a JavaScript line.
/// </summary>
public static class ScriptJson
{
    /// <summary>Returns <paramref name="json"/> with the five characters above escaped; other text is unchanged.</summary>
    public static string Escape(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.AsSpan().IndexOfAny("<>&\u2028\u2029") < 0)
        {
            return json;
        }

        var sb = new StringBuilder(json.Length + 32);
        foreach (var c in json)
        {
            _ = c switch
            {
                '<' => sb.Append("\\u003c"),
                '>' => sb.Append("\\u003e"),
                '&' => sb.Append("\\u0026"),
                '\u2028' => sb.Append("\\u2028"),
                '\u2029' => sb.Append("\\u2029"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
