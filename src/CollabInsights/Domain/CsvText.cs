using System.Text;

namespace CollabInsights.Domain;

/// <summary>
/// The kit's one way of writing CSV cells (RFC 4180). A cell is quoted when it holds a comma, a double quote, a carriage
/// return or a line feed; quotes inside are doubled. <see cref="Cell"/> is for tables people open in a spreadsheet: a cell
/// a spreadsheet would run as a formula (first character <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return)
/// gets a single quote in front (OWASP's rule against CSV injection), except a plain number (<c>-12.5</c>, <c>+3</c>,
/// <c>1e-5</c>), which stays as it is. <see cref="RawCell"/> keeps the value exactly, for CSV the kit itself reads back
/// (a faithful copy of an input, files whose hashes are anchored); Parquet and JSON outputs always keep raw values.
/// </summary>
public static class CsvText
{
    /// <summary>The cell for a spreadsheet-safe table: formula-leading text neutralised with a leading <c>'</c>, then quoted as needed.</summary>
    public static string Cell(string? value) => RawCell(Neutralise(value));

    /// <summary>The cell as written, quoted as needed; null is empty. For CSV that the kit reads back and must get back unchanged.</summary>
    public static string RawCell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>One record: the cells joined by commas, each through <see cref="Cell"/> (or <see cref="RawCell"/> when <paramref name="raw"/>), without a line end.</summary>
    public static string Row(IEnumerable<string?> cells, bool raw = false)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var sb = new StringBuilder();
        AppendRow(sb, cells, raw);
        return sb.ToString();
    }

    /// <summary>Appends one record (see <see cref="Row"/>) to <paramref name="builder"/>, without a line end.</summary>
    public static StringBuilder AppendRow(StringBuilder builder, IEnumerable<string?> cells, bool raw = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cells);
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                builder.Append(',');
            }

            builder.Append(raw ? RawCell(cell) : Cell(cell));
            first = false;
        }

        return builder;
    }

    /// <summary>
    /// <paramref name="value"/> with a single quote in front when a spreadsheet would take it for a formula (first character
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) and it is not a plain number; otherwise unchanged.
    /// </summary>
    public static string Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPlainNumber(value) ? "'" + value : value;
    }

    /// <summary>Whether <paramref name="value"/> is a plain decimal number: optional sign, digits with at most one point, optional exponent; nothing else.</summary>
    public static bool IsPlainNumber(ReadOnlySpan<char> value)
    {
        var i = 0;
        if (i < value.Length && value[i] is '+' or '-')
        {
            i++;
        }

        var digits = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
            digits++;
        }

        if (i < value.Length && value[i] == '.')
        {
            i++;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < value.Length && value[i] is 'e' or 'E')
        {
            i++;
            if (i < value.Length && value[i] is '+' or '-')
            {
                i++;
            }

            var exponent = 0;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
                exponent++;
            }

            if (exponent == 0)
            {
                return false;
            }
        }

        return i == value.Length;
    }
}
