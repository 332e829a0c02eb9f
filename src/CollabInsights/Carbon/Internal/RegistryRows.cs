using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CollabInsights.Domain;
using CollabInsights.OffChain;

namespace CollabInsights.Carbon.Internal;

/// <summary>
/// The records of one registry file (a CSV export, or a JSON array of objects for CAD Trust, nested objects
/// flattened to dotted names) read cell by cell, every problem recorded with file, 1-based row (header
/// excluded), column, value and what was expected. Column names match after trimming and collapsing runs of
/// white space, so <c>Status Effective  (GMT)</c> and <c>Status Effective (GMT)</c> are one column.
/// </summary>
internal sealed partial class RegistryRows
{
    private readonly string[] _header;
    private readonly Func<int, int, string> _cell;
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DataProblem> _problems;
    private readonly string _what;

    private RegistryRows(string file, string what, string[] header, int count, Func<int, int, string> cell, List<DataProblem> problems)
    {
        File = file;
        _what = what;
        _header = header;
        Count = count;
        _cell = cell;
        _problems = problems;
        for (var i = 0; i < header.Length; i++)
        {
            _index.TryAdd(Normalise(header[i]), i);
        }
    }

    /// <summary>The file as named in problems and provenance, e.g. <c>verra/transactions.csv</c>.</summary>
    public string File { get; }

    /// <summary>Number of data records.</summary>
    public int Count { get; }

    /// <summary>The 1-based record number of the current record.</summary>
    public int Row { get; private set; }

    /// <summary>The current record's provenance.</summary>
    public FileProvenance Provenance => new(File, Row);

    /// <summary>Reads a CSV file; <paramref name="what"/> names the export in messages (e.g. "Verra's VCU transactions export").</summary>
    public static RegistryRows Csv(string file, string what, byte[] utf8, List<DataProblem> problems)
    {
        var table = CsvFile.Parse(file, utf8);
        var rows = table.Rows;
        return new RegistryRows(file, what, [.. table.Header], rows.Count, (row, column) => column < rows[row - 1].Length ? rows[row - 1][column] : string.Empty, problems);
    }

    /// <summary>Reads a JSON array of objects; nested objects become dotted columns (<c>issuance.warehouseProjectId</c>).</summary>
    public static RegistryRows Json(string file, string what, string text, List<DataProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CollabInsightsException($"{file} is not valid JSON ({ex.Message}). Expected an array of {what} records, one object each.", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new CollabInsightsException($"{file}: expected a JSON array of {what} records, found a {document.RootElement.ValueKind}.");
            }

            var columns = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var rows = new List<Dictionary<int, string>>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var row = new Dictionary<int, string>();
                Flatten(element, string.Empty, row, columns, index);
                rows.Add(row);
            }

            return new RegistryRows(file, what, [.. columns], rows.Count, (r, c) => rows[r - 1].GetValueOrDefault(c, string.Empty), problems);
        }
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<int, string> row, List<string> columns, Dictionary<string, int> index)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, row, columns, index);
            }

            return;
        }

        if (prefix.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(prefix, out var column))
        {
            column = columns.Count;
            index[prefix] = column;
            columns.Add(prefix);
        }

        row[column] = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString() ?? string.Empty,
            JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => element.GetRawText(),
        };
    }

    /// <summary>Moves to record <paramref name="row"/> (1-based).</summary>
    public void MoveTo(int row) => Row = row;

    /// <summary>The position of the first of <paramref name="names"/> the header has; throws naming the file, the column and the columns found when none is there.</summary>
    public int Require(params string[] names)
    {
        var column = Optional(names);
        if (column < 0)
        {
            throw new CollabInsightsException(
                $"{File}: the header lacks the column '{names[0]}'{(names.Length > 1 ? " (or " + string.Join(", ", names.Skip(1).Select(n => $"'{n}'")) + ")" : string.Empty)}. " +
                $"Columns found: {string.Join(", ", _header.Take(40).Select(h => $"'{h}'"))}. Check that the file is {_what}, in the raw layout of OffsetsDB's registry samples.");
        }

        return column;
    }

    /// <summary>The position of the first of <paramref name="names"/> the header has, or -1.</summary>
    public int Optional(params string[] names)
    {
        foreach (var name in names)
        {
            if (_index.TryGetValue(Normalise(name), out var column))
            {
                return column;
            }
        }

        return -1;
    }

    /// <summary>The cell as written (empty for a missing column or a short record).</summary>
    public string Raw(int column) => column < 0 ? string.Empty : _cell(Row, column);

    /// <summary>The cell trimmed; null when empty.</summary>
    public string? Text(int column)
    {
        var raw = Raw(column).Trim();
        return raw.Length == 0 ? null : raw;
    }

    /// <summary>
    /// A non-negative number of credits in tonnes (<c>1000</c>, <c>1,000</c>, <c>1000.0</c>; Isometric issues fractions such as
    /// <c>2765.37</c>). Empty or unreadable values are recorded as problems (invalid when <paramref name="required"/>) and give null.
    /// </summary>
    public decimal? Quantity(int column, bool required)
    {
        var text = Text(column);
        if (text is null)
        {
            if (required)
            {
                Problem(column, "a number of credits is required here", ProblemSeverity.Invalid);
            }

            return null;
        }

        var cleaned = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem(column, "expected a non-negative number of credits (tonnes) such as 1000, 1,000 or 2765.37", required ? ProblemSeverity.Invalid : ProblemSeverity.Warning);
        return null;
    }

    /// <summary>A year such as <c>2021</c> (also the year of a date such as <c>2021-01-01</c>); problems recorded as warnings.</summary>
    public int? Year(int column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (text.Length >= 4 && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200 &&
            (text.Length == 4 || text[4] is '-' or '.' or '/' || text == year.ToString(CultureInfo.InvariantCulture) + ".0"))
        {
            return year;
        }

        if (Date(column, required: false, quiet: true) is { } date)
        {
            return date.Year;
        }

        Problem(column, "expected a vintage year such as 2021", ProblemSeverity.Warning);
        return null;
    }

    /// <summary>
    /// A date, read from ISO (<c>2026-04-03</c>, with any time part), US (<c>3/24/2026 9:08:01 PM</c>) or CAD Trust
    /// (<c>2012-07-09 00:05:45.701 +00:00</c>) forms; the time is dropped. Problems recorded (invalid when <paramref name="required"/>).
    /// </summary>
    public DateOnly? Date(int column, bool required, bool quiet = false)
    {
        var text = Text(column);
        if (text is null)
        {
            if (required && !quiet)
            {
                Problem(column, "a date is required here", ProblemSeverity.Invalid);
            }

            return null;
        }

        var iso = IsoDate().Match(text);
        if (iso.Success && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        var us = UsDate().Match(text);
        if (us.Success && DateOnly.TryParseExact(us.Value, "M/d/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
        {
            return d;
        }

        if (!quiet)
        {
            Problem(column, "expected a date such as 2026-04-03 or 3/24/2026", required ? ProblemSeverity.Invalid : ProblemSeverity.Warning);
        }

        return null;
    }

    /// <summary>Records a problem with the current record's cell in <paramref name="column"/>.</summary>
    public void Problem(int column, string message, ProblemSeverity severity) =>
        _problems.Add(new DataProblem(File, Row, column < 0 ? string.Empty : _header[column].Trim(), Raw(column), message, severity));

    private static string Normalise(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{1,2}/\d{1,2}/\d{4}")]
    private static partial Regex UsDate();
}
