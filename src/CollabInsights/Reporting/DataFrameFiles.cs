using System.Text;
using CollabInsights.Domain;
using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;

namespace CollabInsights.Reporting;

/// <summary>
/// Writes a <see cref="DataFrame"/> to CSV (RFC 4180, invariant formatting, exact decimals, UTF-8 without BOM,
/// LF rows; a cell a spreadsheet would run as a formula is neutralised by <see cref="Domain.CsvText.Cell"/>) or to Parquet
/// (strings, decimal(38,18), int, long, double, bool columns; nulls kept; values raw).
/// </summary>
public static class DataFrameFiles
{
    /// <summary>Writes <paramref name="frame"/> as CSV with a header row; null cells are empty.</summary>
    public static async Task WriteCsvAsync(DataFrame frame, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var sb = new StringBuilder();
        sb.AppendJoin(',', frame.Columns.Select(c => Quote(c.Name))).Append('\n');
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            for (var c = 0; c < frame.Columns.Count; c++)
            {
                if (c > 0)
                {
                    sb.Append(',');
                }

                sb.Append(Quote(HtmlTable.FormatValue(frame.Columns[c][r])));
            }

            sb.Append('\n');
        }

        CreateFolder(path);
        await File.WriteAllTextAsync(path, sb.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="frame"/> as one Parquet row group; throws for column types it cannot map.</summary>
    public static async Task WriteParquetAsync(DataFrame frame, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var fields = frame.Columns.Select(ToField).ToList();
        CreateFolder(path);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < fields.Count; i++)
        {
            var column = frame.Columns[i];
            var field = fields[i];
            switch (column)
            {
                case StringDataFrameColumn s:
                    await group.WriteAsync(field, Values<string?>(s)).ConfigureAwait(false);
                    break;
                case DecimalDataFrameColumn d:
                    await group.WriteAsync<decimal>(field, Values<decimal?>(d).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case Int32DataFrameColumn n:
                    await group.WriteAsync<int>(field, Values<int?>(n).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case Int64DataFrameColumn n:
                    await group.WriteAsync<long>(field, Values<long?>(n).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case DoubleDataFrameColumn n:
                    await group.WriteAsync<double>(field, Values<double?>(n).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case BooleanDataFrameColumn n:
                    await group.WriteAsync<bool>(field, Values<bool?>(n).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static List<T> Values<T>(DataFrameColumn column)
    {
        var list = new List<T>((int)column.Length);
        for (long r = 0; r < column.Length; r++)
        {
            list.Add((T)column[r]!);
        }

        return list;
    }

    private static DataField ToField(DataFrameColumn column) => column switch
    {
        StringDataFrameColumn => new DataField<string>(column.Name, true),
        DecimalDataFrameColumn => new DecimalDataField(column.Name, 38, 18, isNullable: true),
        Int32DataFrameColumn => new DataField<int?>(column.Name),
        Int64DataFrameColumn => new DataField<long?>(column.Name),
        DoubleDataFrameColumn => new DataField<double?>(column.Name),
        BooleanDataFrameColumn => new DataField<bool?>(column.Name),
        _ => throw new CollabInsightsException($"Column '{column.Name}' has type {column.DataType.Name}, which the Parquet writer does not map. Use string, decimal, int, long, double or bool columns."),
    };

    // Tables for people (spreadsheets): formula-leading cells are neutralised; the Parquet twin keeps the raw value.
    private static string Quote(string text) => CsvText.Cell(text);

    private static void CreateFolder(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
    }
}
