using System.Text;
using CollabInsights.OffChain.Internal;
using CollabInsights.Domain;

namespace CollabInsights.OffChain;

/// <summary>
/// A CSV file read whole, for capabilities that work on any table (anchoring, proofs): its header and its records as
/// text, parsed by the kit's one CSV reader (RFC 4180, the rules of <c>IndigoSource</c>; records numbered from 1 after
/// the header). <see cref="WriteAsync"/> writes the same shape back, quoting a cell only when it holds a comma, a quote or a
/// line break (<see cref="CsvText.RawCell"/>: no formula neutralisation), so a file written and read again gives the same cells.
/// </summary>
public sealed class CsvFile
{
    private CsvFile(string path, IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The header cells as written.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The records; record <c>n</c> (1-based, header excluded) is <c>Rows[n - 1]</c>.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>Reads <paramref name="path"/> (UTF-8, with or without BOM). Throws <see cref="CollabInsightsException"/> when it is missing, empty or has an unterminated quote.</summary>
    public static async Task<CsvFile> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new CollabInsightsException($"The CSV file {path} does not exist. Check the path.");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(path, bytes);
    }

    /// <summary>Parses CSV text already in memory; <paramref name="path"/> names it in messages. Throws <see cref="CollabInsightsException"/> when it is empty or has an unterminated quote.</summary>
    public static CsvFile Parse(string path, string text) => Parse(path, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Parses CSV bytes already in memory (UTF-8, with or without BOM; for example a file of a zip); <paramref name="path"/>
    /// names it in messages. Throws <see cref="CollabInsightsException"/> when it is empty or has an unterminated quote.
    /// </summary>
    public static CsvFile Parse(string path, byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(utf8);
        var table = CsvTable.Parse(System.IO.Path.GetFileName(path), utf8);
        var rows = new string[table.RowCount][];
        for (var r = 1; r <= table.RowCount; r++)
        {
            rows[r - 1] = table.Row(r);
        }

        return new CsvFile(path, table.Header, rows);
    }

    /// <summary>The text of field <paramref name="column"/> (0-based) of record <paramref name="record"/> (1-based, header excluded); empty when the record is shorter.</summary>
    public string Cell(int record, int column)
    {
        var row = Rows[record - 1];
        return column < row.Length ? row[column] : string.Empty;
    }

    /// <summary>Writes a header and records as CSV (UTF-8 without BOM, <c>\n</c> line ends).</summary>
    public static async Task WriteAsync(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new StringBuilder();
        AppendRow(builder, header);
        foreach (var row in rows)
        {
            AppendRow(builder, row);
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, builder.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    private static void AppendRow(StringBuilder builder, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            // Raw on purpose: what is written is read back and hashed (anchored records, corrections), so it must not change.
            builder.Append(CsvText.RawCell(cells[i]));
        }

        builder.Append('\n');
    }
}
