using Microsoft.Data.Sqlite;

namespace CollabInsights.OnChain.Extraction.Internal;

internal sealed class SqliteTableFormat : ITableFormat
{
    public const string FileName = "tables.sqlite";

    public string Name => "sqlite";

    public async Task WriteAsync(string directory, IReadOnlyList<TableChunk> tables, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, FileName);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in tables)
        {
            var columns = table.Table.Columns;
            await using (var create = connection.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = $"CREATE TABLE {QuoteName(table.Table.Name)} ({string.Join(", ", columns.Select(c => QuoteName(c.Name) + " " + SqlType(c.Kind)))})";
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {QuoteName(table.Table.Name)} VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].SqliteType = columns[i].Kind is ColumnKind.Int64 or ColumnKind.Bool ? SqliteType.Integer : SqliteType.Text;
            }

            insert.Prepare();
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i] switch
                    {
                        null => DBNull.Value,
                        bool b => b ? 1L : 0L,
                        var v => v,
                    };
                }

                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<object?[]>> ReadAsync(string directory, EventTable table, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, FileName);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT * FROM {QuoteName(table.Name)} ORDER BY rowid";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var columns = table.Columns;
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : columns[i].Kind switch
                {
                    ColumnKind.Int64 => reader.GetInt64(i),
                    ColumnKind.Bool => reader.GetInt64(i) != 0,
                    _ => reader.GetString(i),
                };
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string QuoteName(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string SqlType(ColumnKind kind) => kind is ColumnKind.Int64 or ColumnKind.Bool ? "INTEGER" : "TEXT";
}
