using System.Globalization;
using System.Text;

namespace CollabInsights.Reporting;

/// <summary>
/// Provenance made readable: a list of <c>file:row</c> entries written as row ranges per file
/// (<c>projects_outcome_payments.csv:1-3,25-27</c>), with a count. Tables keep the joined list
/// (entries separated by <see cref="Separator"/>) in CSV and Parquet; HTML shows the ranges, and only the
/// first of them until the reader expands the cell. Entries that are not <c>file:row</c> (chain events) stay as they are.
/// </summary>
public static class ProvenanceText
{
    /// <summary>Separator of entries in a joined provenance cell: <c>"; "</c>.</summary>
    public const string Separator = "; ";

    /// <summary>Characters of ranges shown before a cell is expanded: 60.</summary>
    public const int SummaryChars = 60;

    /// <summary>The entries of a joined provenance cell (empty for null or blank).</summary>
    public static IReadOnlyList<string> Split(string? joined) =>
        string.IsNullOrWhiteSpace(joined) ? [] : joined.Split(Separator.Trim(), StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// One item per file: its rows in ascending order as ranges (<c>file:1-3,25-27</c>); files in ordinal order,
    /// then the entries that are not file rows, as they are. Duplicates count once.
    /// </summary>
    public static IReadOnlyList<string> Ranges(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = new SortedDictionary<string, SortedSet<long>>(StringComparer.Ordinal);
        var other = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var i = entry.LastIndexOf(':');
            if (i > 0 && long.TryParse(entry.AsSpan(i + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var row))
            {
                var file = entry[..i];
                if (!rows.TryGetValue(file, out var set))
                {
                    set = [];
                    rows.Add(file, set);
                }

                set.Add(row);
            }
            else if (!string.IsNullOrWhiteSpace(entry))
            {
                other.Add(entry.Trim());
            }
        }

        var result = new List<string>(rows.Count + other.Count);
        foreach (var (file, set) in rows)
        {
            var sb = new StringBuilder(file).Append(':');
            long? start = null, end = null;
            foreach (var r in set)
            {
                if (end is { } e && r == e + 1)
                {
                    end = r;
                    continue;
                }

                Flush(sb, start, end);
                start = end = r;
            }

            Flush(sb, start, end);
            result.Add(sb.ToString());
        }

        result.AddRange(other);
        return result;
    }

    /// <summary>The ranges of <paramref name="entries"/> joined with <see cref="Separator"/>.</summary>
    public static string Compact(IEnumerable<string> entries) => string.Join(Separator, Ranges(entries));

    /// <summary>Number of distinct entries.</summary>
    public static int Count(IEnumerable<string> entries) => entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// HTML for a joined provenance cell: short lists as ranges; longer ones as a <c>&lt;details&gt;</c> element whose
    /// summary gives the count and the first <see cref="SummaryChars"/> characters of ranges, and whose body lists every
    /// range, one file per line. Everything is escaped.
    /// </summary>
    public static string ToHtml(string? joined)
    {
        var entries = Split(joined);
        if (entries.Count == 0)
        {
            return string.Empty;
        }

        var ranges = Ranges(entries);
        var compact = string.Join(Separator, ranges);
        var count = Count(entries);
        if (compact.Length <= SummaryChars)
        {
            return count == 1 ? HtmlTable.Escape(compact) : HtmlTable.Escape(compact) + string.Create(CultureInfo.InvariantCulture, $" <span class=\"collab-prov-count\">({count} rows)</span>");
        }

        var shown = compact[..(compact.LastIndexOfAny([',', ';', ' '], SummaryChars) is var cut and > 0 ? cut : SummaryChars)];
        var sb = new StringBuilder("<details class=\"collab-prov\"><summary>");
        sb.Append(CultureInfo.InvariantCulture, $"{count} rows: ").Append(HtmlTable.Escape(shown)).Append(" …</summary>");
        for (var i = 0; i < ranges.Count; i++)
        {
            if (i > 0)
            {
                sb.Append("<br>");
            }

            sb.Append(HtmlTable.Escape(ranges[i]));
        }

        return sb.Append("</details>").ToString();
    }

    private static void Flush(StringBuilder sb, long? start, long? end)
    {
        if (start is not { } s)
        {
            return;
        }

        if (sb[^1] != ':')
        {
            sb.Append(',');
        }

        sb.Append(s.ToString(CultureInfo.InvariantCulture));
        if (end is { } e && e != s)
        {
            sb.Append('-').Append(e.ToString(CultureInfo.InvariantCulture));
        }
    }
}
