using System.Globalization;
using System.Text;

namespace CollabInsights.Verification;

/// <summary>
/// The canonical serialisation of one record, version <see cref="Version"/>, the value of a record's whole-record leaf
/// (<see cref="DatasetLeaf.WholeRecord"/>). Each cell is first normalised (<see cref="NormaliseCell"/>: Unicode NFC, line
/// breaks inside a cell as <c>\n</c>; nothing trimmed), identifier columns are replaced by their pseudonyms
/// (<see cref="Pseudonymiser"/>), and the record is written as a JSON array of <c>[column, value]</c> pairs in the file's
/// column order, with no white space, strings escaped as RFC 8785 (JSON Canonicalization Scheme) and JavaScript's
/// <c>JSON.stringify</c> escape them: <c>"</c> and <c>\</c> with a backslash, U+0008/09/0A/0C/0D as <c>\b \t \n \f \r</c>,
/// other control characters below U+0020 and lone surrogates as <c>\u00xx</c> (lower-case hex), everything else as is.
/// A record shorter than the header has empty cells for the missing columns; extra cells beyond the header are
/// serialised under the column names <c>_extra1</c>, <c>_extra2</c>, ... so no text escapes the hash.
/// </summary>
public static class RecordSerialisation
{
    /// <summary>The version written into manifests and proofs; a verifier refuses versions it does not know.</summary>
    public const string Version = "collab-record-v1";

    /// <summary>The normalised text of a cell: Unicode NFC, <c>\r\n</c> and lone <c>\r</c> as <c>\n</c>.</summary>
    public static string NormaliseCell(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var text = cell.Contains('\r', StringComparison.Ordinal) ? cell.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : cell;
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>The canonical serialisation of already normalised (and pseudonymised) <paramref name="cells"/>.</summary>
    public static string Serialise(IReadOnlyList<KeyValuePair<string, string>> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var builder = new StringBuilder(64 + (cells.Count * 24));
        builder.Append('[');
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append('[');
            AppendString(builder, cells[i].Key);
            builder.Append(',');
            AppendString(builder, cells[i].Value);
            builder.Append(']');
        }

        return builder.Append(']').ToString();
    }

    /// <summary>Appends <paramref name="text"/> as a canonical JSON string.</summary>
    internal static void AppendString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                default:
                    if (c < 0x20)
                    {
                        AppendEscape(builder, c);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        AppendEscape(builder, c);
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static void AppendEscape(StringBuilder builder, char c) =>
        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
