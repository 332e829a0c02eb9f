using Parquet;
using Parquet.Schema;

namespace CollabInsights.OnChain.Extraction.Internal;

internal sealed class ParquetTableFormat : ITableFormat
{
    public string Name => "parquet";

    public async Task WriteAsync(string directory, IReadOnlyList<TableChunk> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            var columns = table.Table.Columns;
            var fields = columns.Select(Field).ToArray();
            var path = Path.Combine(directory, table.Table.Name + ".parquet");
            await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            using var group = writer.CreateRowGroup();
            var rows = table.Rows;
            for (var c = 0; c < columns.Count; c++)
            {
                switch (columns[c].Kind)
                {
                    case ColumnKind.Int64 when columns[c].Nullable:
                        {
                            var values = new long?[rows.Count];
                            for (var r = 0; r < rows.Count; r++)
                            {
                                values[r] = (long?)rows[r][c];
                            }

                            await group.WriteAsync<long>(fields[c], (ReadOnlyMemory<long?>)values, null, null, cancellationToken).ConfigureAwait(false);
                            break;
                        }

                    case ColumnKind.Int64:
                        {
                            var values = new long[rows.Count];
                            for (var r = 0; r < rows.Count; r++)
                            {
                                values[r] = (long)rows[r][c]!;
                            }

                            await group.WriteAsync<long>(fields[c], (ReadOnlyMemory<long>)values, null, null, cancellationToken).ConfigureAwait(false);
                            break;
                        }

                    case ColumnKind.Bool:
                        {
                            var values = new bool?[rows.Count];
                            for (var r = 0; r < rows.Count; r++)
                            {
                                values[r] = (bool?)rows[r][c];
                            }

                            await group.WriteAsync<bool>(fields[c], (ReadOnlyMemory<bool?>)values, null, null, cancellationToken).ConfigureAwait(false);
                            break;
                        }

                    default:
                        {
                            var values = new string[rows.Count];
                            for (var r = 0; r < rows.Count; r++)
                            {
                                values[r] = (string)rows[r][c]!;
                            }

                            await group.WriteAsync(fields[c], values, null).ConfigureAwait(false);
                            break;
                        }
                }
            }
        }
    }

    /// <summary>Copies each part's row groups column by column into one file (typed column arrays, no rows in between).</summary>
    public async Task MergeAsync(IReadOnlyList<string> sources, EventTable table, string directory, CancellationToken cancellationToken)
    {
        var columns = table.Columns;
        var fields = columns.Select(Field).ToArray();
        await using var stream = new FileStream(Path.Combine(directory, table.Name + ".parquet"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var source in sources)
        {
            await using var input = File.OpenRead(Path.Combine(source, table.Name + ".parquet"));
            await using var reader = await ParquetReader.CreateAsync(input, cancellationToken: cancellationToken).ConfigureAwait(false);
            var sourceFields = reader.Schema.GetDataFields();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var from = reader.OpenRowGroupReader(g);
                var count = checked((int)from.RowCount);
                using var to = writer.CreateRowGroup();
                for (var c = 0; c < columns.Count; c++)
                {
                    switch (columns[c].Kind)
                    {
                        case ColumnKind.Int64 when columns[c].Nullable:
                            {
                                var values = new long?[count];
                                await from.ReadAsync<long>(sourceFields[c], values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                                await to.WriteAsync<long>(fields[c], (ReadOnlyMemory<long?>)values, null, null, cancellationToken).ConfigureAwait(false);
                                break;
                            }

                        case ColumnKind.Int64:
                            {
                                var values = new long[count];
                                await from.ReadAsync<long>(sourceFields[c], values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                                await to.WriteAsync<long>(fields[c], (ReadOnlyMemory<long>)values, null, null, cancellationToken).ConfigureAwait(false);
                                break;
                            }

                        case ColumnKind.Bool:
                            {
                                var values = new bool?[count];
                                await from.ReadAsync<bool>(sourceFields[c], values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                                await to.WriteAsync<bool>(fields[c], (ReadOnlyMemory<bool?>)values, null, null, cancellationToken).ConfigureAwait(false);
                                break;
                            }

                        default:
                            {
                                var values = new string?[count];
                                await from.ReadAsync(sourceFields[c], values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                                await to.WriteAsync(fields[c], values!, null).ConfigureAwait(false);
                                break;
                            }
                    }
                }
            }
        }
    }

    public async Task<IReadOnlyList<object?[]>> ReadAsync(string directory, EventTable table, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, table.Name + ".parquet");
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var columns = table.Columns;
        var fields = reader.Schema.GetDataFields();
        var rows = new List<object?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var block = new object?[count][];
            for (var r = 0; r < count; r++)
            {
                block[r] = new object?[columns.Count];
            }

            for (var c = 0; c < columns.Count; c++)
            {
                var field = fields[c];
                switch (columns[c].Kind)
                {
                    case ColumnKind.Int64 when columns[c].Nullable:
                        {
                            var values = new long?[count];
                            await group.ReadAsync<long>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                            for (var r = 0; r < count; r++)
                            {
                                block[r][c] = values[r];
                            }

                            break;
                        }

                    case ColumnKind.Int64:
                        {
                            var values = new long[count];
                            await group.ReadAsync<long>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                            for (var r = 0; r < count; r++)
                            {
                                block[r][c] = values[r];
                            }

                            break;
                        }

                    case ColumnKind.Bool:
                        {
                            var values = new bool?[count];
                            await group.ReadAsync<bool>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                            for (var r = 0; r < count; r++)
                            {
                                block[r][c] = values[r];
                            }

                            break;
                        }

                    default:
                        {
                            var values = new string?[count];
                            await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
                            for (var r = 0; r < count; r++)
                            {
                                block[r][c] = values[r];
                            }

                            break;
                        }
                }
            }

            rows.AddRange(block);
        }

        return rows;
    }

    private static DataField Field(TableColumn column) => column.Kind switch
    {
        ColumnKind.Int64 when column.Nullable => new DataField<long?>(column.Name),
        ColumnKind.Int64 => new DataField<long>(column.Name),
        ColumnKind.Bool => new DataField<bool?>(column.Name),
        _ => new DataField<string>(column.Name, true),
    };
}
