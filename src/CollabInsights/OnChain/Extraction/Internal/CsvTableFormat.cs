using System.Globalization;
using System.Text;
using CollabInsights.Domain;

namespace CollabInsights.OnChain.Extraction.Internal;

internal sealed class CsvTableFormat : ITableFormat
{
    public string Name => "csv";

    public async Task WriteAsync(string directory, IReadOnlyList<TableChunk> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            var path = Path.Combine(directory, table.Table.Name + ".csv");
            await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
            var columns = table.Table.Columns;
            await writer.WriteLineAsync(string.Join(",", columns.Select(c => Quote(c.Name)))).ConfigureAwait(false);
            var line = new StringBuilder();
            foreach (var row in table.Rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                line.Clear();
                for (var i = 0; i < row.Length; i++)
                {
                    if (i > 0)
                    {
                        line.Append(',');
                    }

                    line.Append(Format(row[i]));
                }

                await writer.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Copies the parts' bytes after their header line: the lines were written by <see cref="WriteAsync"/> and are not parsed again.</summary>
    public async Task MergeAsync(IReadOnlyList<string> sources, EventTable table, string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, table.Name + ".csv");
        await using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var header = new UTF8Encoding(false).GetBytes(string.Join(",", table.Columns.Select(c => Quote(c.Name))) + Environment.NewLine);
        await output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        foreach (var source in sources)
        {
            await using var input = new FileStream(Path.Combine(source, table.Name + ".csv"), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            int b;
            while ((b = input.ReadByte()) is not -1 and not '\n')
            {
            }

            await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<object?[]>> ReadAsync(string directory, EventTable table, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, table.Name + ".csv");
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var records = Parse(text);
        var columns = table.Columns;
        var rows = new List<object?[]>(Math.Max(0, records.Count - 1));
        foreach (var record in records.Skip(1))
        {
            if (record.Count != columns.Count)
            {
                throw new CollabInsightsException($"{path}: a row has {record.Count} cells, the header {columns.Count}. The file was edited or truncated; delete the chunk and re-run.");
            }

            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                row[i] = TableValues.FromText(record[i], columns[i]);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    // Raw on purpose: the kit reads these tables back (resume, reconciliation) and must get the chain's values unchanged.
    private static string Quote(string s) => CsvText.RawCell(s);

    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    record.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(cell.ToString());
                    cell.Clear();
                    records.Add(record);
                    record = [];
                    break;
                default:
                    cell.Append(c);
                    break;
            }

            i++;
        }

        if (cell.Length > 0 || record.Count > 0)
        {
            record.Add(cell.ToString());
            records.Add(record);
        }

        return records;
    }
}
