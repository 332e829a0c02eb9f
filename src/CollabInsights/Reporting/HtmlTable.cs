using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using CollabInsights.Domain;
using Microsoft.Data.Analysis;

namespace CollabInsights.Reporting;

/// <summary>
/// Renders a <see cref="DataFrame"/> or a sequence of records (public properties as columns) as an
/// HTML table with a bounded preview: the first N rows, then a "k more rows" line. Every value is
/// HTML-escaped and formatted with the invariant culture; decimals keep their exact digits, except money columns
/// (<see cref="MoneyDataFrameColumn"/>), shown with thousands separators and the currency's minor units, and
/// provenance columns, shown as row ranges with a count and the full list on expand (<see cref="ProvenanceText"/>).
/// </summary>
public static class HtmlTable
{
    /// <summary>Rows shown before the "k more rows" line when no bound is given: 20.</summary>
    public const int DefaultPreviewRows = 20;

    /// <summary>
    /// Renders <paramref name="frame"/>, showing at most <paramref name="previewRows"/> rows. A
    /// <see cref="MoneyDataFrameColumn"/> shows its amounts with <see cref="MoneyFormat"/>; a column named
    /// <c>provenance</c> shows row ranges and a count, the full list on expand (<see cref="ProvenanceText.ToHtml"/>).
    /// </summary>
    public static string FromDataFrame(DataFrame frame, int previewRows = DefaultPreviewRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(previewRows);
        var headers = frame.Columns.Select(c => c.Name).ToList();
        var numeric = frame.Columns.Select(c => IsNumeric(c.DataType)).ToList();
        var total = frame.Rows.Count;
        var shown = Math.Min(total, previewRows);
        var rows = new List<IReadOnlyList<string>>((int)shown);
        for (long r = 0; r < shown; r++)
        {
            var row = new List<string>(frame.Columns.Count);
            foreach (var column in frame.Columns)
            {
                row.Add(CellHtml(frame, column, r));
            }

            rows.Add(row);
        }

        return Render(headers, numeric, rows, total - shown);
    }

    /// <summary>Renders <paramref name="records"/> with one column per public instance property of <typeparamref name="T"/>.</summary>
    public static string FromRecords<T>(IEnumerable<T> records, int previewRows = DefaultPreviewRows) =>
        FromRecords(records, typeof(T), previewRows);

    /// <summary>
    /// Renders any value the way a notebook would show it: a <see cref="DataFrame"/> or a sequence of
    /// records as a table, anything else as one escaped line. Useful for display routers that only see <see cref="object"/>.
    /// </summary>
    public static string FromObject(object? value, int previewRows = DefaultPreviewRows)
    {
        switch (value)
        {
            case DataFrame frame:
                return FromDataFrame(frame, previewRows);
            case IEnumerable sequence when value is not string:
                var elementType = value.GetType().GetInterfaces()
                    .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                    .Select(i => i.GetGenericArguments()[0])
                    .FirstOrDefault() ?? typeof(object);
                return FromRecords(sequence, elementType, previewRows);
            default:
                return $"<pre class=\"collab-value\">{Escape(FormatValue(value))}</pre>";
        }
    }

    /// <summary>
    /// Formats one cell value as invariant text: decimals with their exact digits, doubles round-trippable,
    /// dates as ISO 8601, sequences joined with "; ", null as empty.
    /// </summary>
    public static string FormatValue(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => string.Join("; ", e.Cast<object?>().Select(FormatValue)),
        _ => value.ToString() ?? string.Empty,
    };

    private static string FromRecords(IEnumerable records, Type elementType, int previewRows)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfNegative(previewRows);
        var properties = elementType
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .ToList();
        var scalar = properties.Count == 0 || elementType == typeof(string) || elementType.IsPrimitive || elementType == typeof(decimal);
        var headers = scalar ? ["Value"] : properties.Select(p => p.Name).ToList();
        var numeric = scalar ? [IsNumeric(elementType)] : properties.Select(p => IsNumeric(p.PropertyType)).ToList();
        var provenance = scalar ? [false] : properties.Select(p => IsProvenanceName(p.Name)).ToList();
        var rows = new List<IReadOnlyList<string>>();
        long total = 0;
        foreach (var item in records)
        {
            if (total < previewRows)
            {
                var values = scalar || item is null ? [item] : properties.Select(p => p.GetValue(item)).ToList();
                rows.Add(values.Select((v, i) => provenance[i] ? ProvenanceText.ToHtml(FormatValue(v)) : Escape(FormatValue(v))).ToList());
            }

            total++;
        }

        return Render(headers, numeric, rows, total - rows.Count);
    }

    private static string CellHtml(DataFrame frame, DataFrameColumn column, long row)
    {
        var value = column[row];
        if (column is MoneyDataFrameColumn money && value is decimal amount && money.CurrencyOf(frame, row) is { Length: > 0 } currency)
        {
            return Escape(MoneyFormat.Amount(amount, currency));
        }

        return column is StringDataFrameColumn && IsProvenanceName(column.Name)
            ? ProvenanceText.ToHtml(value as string)
            : Escape(FormatValue(value));
    }

    private static bool IsProvenanceName(string name) => string.Equals(name, "provenance", StringComparison.OrdinalIgnoreCase);

    private static string Render(IReadOnlyList<string> headers, IReadOnlyList<bool> numeric, IReadOnlyList<IReadOnlyList<string>> rows, long more)
    {
        var sb = new StringBuilder();
        sb.Append("<table class=\"collab-table\">\n<thead><tr>");
        foreach (var h in headers)
        {
            sb.Append("<th>").Append(Escape(h)).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < headers.Count; i++)
            {
                sb.Append(numeric[i] ? "<td class=\"num\">" : "<td>").Append(i < row.Count ? row[i] : string.Empty).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
        if (more > 0)
        {
            sb.Append("<p class=\"collab-table-more\">")
              .Append(more.ToString(CultureInfo.InvariantCulture))
              .Append(more == 1 ? " more row" : " more rows")
              .Append("</p>\n");
        }

        return sb.ToString();
    }

    /// <summary>Escapes the five HTML-significant characters (<c>&amp; &lt; &gt; " '</c>); other text stays as is (pages are UTF-8).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static bool IsNumeric(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(decimal) || t == typeof(double) || t == typeof(float) || t == typeof(int) || t == typeof(long)
            || t == typeof(short) || t == typeof(byte) || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) || t == typeof(sbyte);
    }
}
