using CollabInsights.Domain;

namespace CollabInsights.OffChain.Internal;

/// <summary>
/// Reads typed values from the current record of one INDIGO file, recording every problem with
/// its file, row, column and value. Columns are resolved by name once per file.
/// </summary>
internal sealed class IndigoRowReader
{
    private readonly CsvTable _table;
    private readonly List<DataProblem> _problems;
    private readonly Dictionary<string, int> _index;

    public IndigoRowReader(CsvTable table, IReadOnlyList<string> required, List<DataProblem> problems)
    {
        _table = table;
        _problems = problems;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < table.Header.Length; i++)
        {
            _index.TryAdd(table.Header[i].Trim(), i);
        }

        var missing = required.Where(c => !_index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new CollabInsightsException(
                $"{table.FileName}: the header lacks {missing.Count} required column(s): {string.Join(", ", missing.Select(c => $"'{c}'"))}. " +
                $"Expected columns (by name, any order): {string.Join(", ", required.Select(c => $"'{c}'"))}. Check that the file is the GO Lab INDIGO export of that data type.");
        }
    }

    /// <summary>The file name used in problems and provenance.</summary>
    public string File => _table.FileName;

    /// <summary>The 1-based record number of the current record.</summary>
    public int Row { get; private set; }

    /// <summary>The current record's provenance.</summary>
    public FileProvenance Provenance => new(File, Row);

    /// <summary>Number of data records.</summary>
    public int Count => _table.RowCount;

    /// <summary>The position of a required column in this file.</summary>
    public int Column(string name) => _index[name];

    /// <summary>The position of an optional column in this file, or null when the header lacks it.</summary>
    public int? OptionalColumn(string name) => _index.TryGetValue(name, out var i) ? i : null;

    /// <summary>Moves to record <paramref name="row"/> (1-based).</summary>
    public void MoveTo(int row) => Row = row;

    /// <summary>The cell as written (empty when the record is short).</summary>
    public string Raw(int column) => _table.Cell(Row, column);

    /// <summary>The cell without surrounding white space; null when empty.</summary>
    public string? Text(int column)
    {
        var raw = Raw(column);
        if (raw.Length == 0)
        {
            return null;
        }

        var t = raw.Trim();
        return t.Length == 0 ? null : t;
    }

    /// <summary>The trimmed cell or the empty string.</summary>
    public string TextOrEmpty(int column) => Text(column) ?? string.Empty;

    public void Report(int column, ProblemSeverity severity, string message) =>
        _problems.Add(new DataProblem(File, Row, _table.Header[column].Trim(), Raw(column), message, severity));

    public void Invalid(int column, string message) => Report(column, ProblemSeverity.Invalid, message);

    /// <summary>A <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c> date; an impossible one is Invalid and null.</summary>
    public PartialDate? Date(int column)
    {
        var t = Text(column);
        if (t is null)
        {
            return null;
        }

        if (PartialDate.TryParse(t, out var d, out var error))
        {
            return d;
        }

        Invalid(column, error ?? "not a date: expected YYYY, YYYY-MM or YYYY-MM-DD");
        return null;
    }

    /// <summary>A plain decimal number (counts of outcomes); anything else is Invalid and null.</summary>
    public decimal? Number(int column)
    {
        var t = Text(column);
        if (t is null)
        {
            return null;
        }

        var d = IndigoCells.PlainDecimal(t);
        if (d is null)
        {
            Invalid(column, "not a number: expected digits with an optional decimal point");
        }

        return d;
    }

    /// <summary>A whole non-negative number (people); anything else is Invalid and null.</summary>
    public int? WholeNumber(int column)
    {
        var t = Text(column);
        if (t is null)
        {
            return null;
        }

        var v = IndigoCells.WholeNumber(t);
        if (v is null)
        {
            Invalid(column, "not a whole number: expected digits only");
        }

        return v;
    }

    /// <summary>The row's currency code (see <see cref="IndigoCells.Currency"/>); <paramref name="cellEmpty"/> is true when the cell is empty.</summary>
    public string? Currency(int column, out bool cellEmpty)
    {
        var t = TextOrEmpty(column);
        cellEmpty = t.Length == 0;
        var (code, severity, message) = IndigoCells.Currency(t);
        if (severity is { } s)
        {
            Report(column, s, message!);
        }

        return code;
    }

    /// <summary>Money from an amount cell and the row's currency (see <see cref="IndigoCells.Amount"/>).</summary>
    public Money? Money(int amountColumn, string? currency, bool currencyCellEmpty)
    {
        var t = TextOrEmpty(amountColumn);
        if (t.Length == 0)
        {
            return null;
        }

        var cell = IndigoCells.Amount(t, currency, currencyCellEmpty);
        if (cell.Severity is { } s)
        {
            Report(amountColumn, s, cell.Message!);
        }

        return cell.Amount is { } a ? new Money(a, cell.Currency!) : null;
    }

    /// <summary>An amount in US dollars (an "Amount USD" column): the same rules as <see cref="Money"/> with USD as the currency.</summary>
    public decimal? Usd(int column) => Money(column, "USD", false)?.Amount;

    /// <summary>
    /// An organisation reference: one id, or several separated by commas (joint payers), each of which
    /// must exist in organisations.csv. Returned with the ids joined by "," (spaces dropped); Invalid and null when any id is unknown.
    /// </summary>
    public string? OrganisationRef(int column, HashSet<string>? organisations)
    {
        var t = Text(column);
        if (t is null)
        {
            return null;
        }

        var ids = t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            return null;
        }

        if (organisations is not null)
        {
            var unknown = ids.Where(id => !organisations.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                Invalid(column, $"reference to an organisation that does not exist in {IndigoLayout.Organisations}: {string.Join(", ", unknown)}");
                return null;
            }
        }

        return ids.Length == 1 ? ids[0] : string.Join(',', ids);
    }
}
