using System.Text;
using CollabInsights.Domain;

namespace CollabInsights.Scenarios.Internal;

/// <summary>
/// Rows of one CSV file in a fixed header layout. Cells are set by exact column name (a name not in the
/// header throws, which catches typos); unset cells are empty. Output is CRLF-terminated like the INDIGO export.
/// </summary>
internal sealed class CsvTableWriter
{
    private readonly string _header;
    private readonly Dictionary<string, int> _columns;
    private readonly List<string[]> _rows = [];

    public CsvTableWriter(string file, string header)
    {
        File = file;
        _header = header;
        var names = header.Split(',');
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _columns.Add(names[i], i);
        }
    }

    public string File { get; }

    public int RowCount => _rows.Count;

    /// <summary>Adds a row and returns its 1-based data row number (header excluded).</summary>
    public int Add(params (string Column, string? Value)[] cells)
    {
        var row = new string[_columns.Count];
        foreach (var (column, value) in cells)
        {
            if (!_columns.TryGetValue(column, out var index))
            {
                throw new InvalidOperationException($"Column '{column}' is not in the header of {File}.");
            }

            row[index] = value ?? string.Empty;
        }

        _rows.Add(row);
        return _rows.Count;
    }

    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append(_header).Append("\r\n");
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                AppendCell(sb, row[i]);
            }

            sb.Append("\r\n");
        }

        return sb.ToString();
    }

    // Raw on purpose: a scenario is an input in the INDIGO layout, read back by the kit (and by pandas in the tests) value for value.
    private static void AppendCell(StringBuilder sb, string? cell) => sb.Append(CsvText.RawCell(cell));
}
