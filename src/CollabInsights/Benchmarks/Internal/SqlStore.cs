using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>
/// Connection handling shared by the SQL backends. SQLite: one connection (one writer), guarded
/// by a semaphore, with its prepared commands cached. PostgreSQL: a pooled data source; each
/// operation takes a connection and prepares its statements (Npgsql keeps them per connection).
/// </summary>
internal sealed class SqlStore : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, DbCommand> _cache = new(StringComparer.Ordinal);
    private SqliteConnection? _sqlite;
    private readonly System.Collections.Concurrent.ConcurrentBag<NpgsqlConnection> _idle = [];
    private NpgsqlDataSource? _postgres;

    private SqlStore(SqlKind kind, string target, string? schema)
    {
        Kind = kind;
        Target = target;
        Schema = schema;
    }

    public SqlKind Kind { get; }

    /// <summary>SQLite: the database file. PostgreSQL: the connection string (with search path).</summary>
    public string Target { get; }

    public string? Schema { get; }

    public static SqlStore ForSqlite(string file) => new(SqlKind.Sqlite, file, null);

    public static SqlStore ForPostgres(string connectionString, string schema)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, MaxPoolSize = 200 };
        return new SqlStore(SqlKind.Postgres, builder.ConnectionString, schema);
    }

    public string Text => Kind == SqlKind.Sqlite ? "TEXT" : "text";

    public string Blob => Kind == SqlKind.Sqlite ? "BLOB" : "bytea";

    public string Date => Kind == SqlKind.Sqlite ? "TEXT" : "date";

    /// <summary>Drops and re-creates the storage, then runs <paramref name="ddl"/>.</summary>
    public async Task ResetAsync(string ddl, CancellationToken cancellationToken)
    {
        await DisposeConnectionsAsync().ConfigureAwait(false);
        if (Kind == SqlKind.Sqlite)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(Target + suffix);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Target))!);
            _sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Target, Pooling = false }.ConnectionString);
            await _sqlite.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecAsync(_sqlite, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;", cancellationToken).ConfigureAwait(false);
            await ExecAsync(_sqlite, ddl, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _postgres = NpgsqlDataSource.Create(Target);
            await using var connection = await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await ExecAsync(connection, $"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE; CREATE SCHEMA \"{Schema}\";", cancellationToken).ConfigureAwait(false);
            await ExecAsync(connection, ddl, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="work"/> with a session (a connection, and a transaction when asked).</summary>
    public async Task<T> UseAsync<T>(bool transaction, Func<SqlSession, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Kind == SqlKind.Sqlite)
        {
            var connection = _sqlite ?? throw new InvalidOperationException("Call ResetAsync first.");
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var tx = transaction ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
                var result = await work(new SqlSession(connection, tx, _cache, prepare: false, cancellationToken)).ConfigureAwait(false);
                if (tx is not null)
                {
                    await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                return result;
            }
            finally
            {
                _gate.Release();
            }
        }
        else
        {
            // Each concurrent client keeps a physical connection, like pgbench's clients: no pool reset between operations, statements stay prepared.
            var source = _postgres ?? throw new InvalidOperationException("Call ResetAsync first.");
            if (!_idle.TryTake(out var connection))
            {
                connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await using var tx = transaction ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
                var result = await work(new SqlSession(connection, tx, null, prepare: true, cancellationToken)).ConfigureAwait(false);
                if (tx is not null)
                {
                    await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                _idle.Add(connection);
                return result;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Runs raw SQL on a separate connection, behind the backend's back.</summary>
    public async Task<int> RawAsync(string sql, string id, CancellationToken cancellationToken)
    {
        DbConnection connection = Kind == SqlKind.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Target, Pooling = false, DefaultTimeout = 30 }.ConnectionString)
            : new NpgsqlConnection(Target);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var p = command.CreateParameter();
            p.ParameterName = "id";
            p.Value = id;
            command.Parameters.Add(p);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Bytes used by the database file (SQLite, after a WAL checkpoint) or by <paramref name="tables"/> with their indexes (PostgreSQL).</summary>
    public async Task<long> BytesUsedAsync(IEnumerable<string> tables, CancellationToken cancellationToken)
    {
        if (Kind == SqlKind.Sqlite)
        {
            return await UseAsync(false, async s =>
            {
                await s.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)").ConfigureAwait(false);
                var pages = Convert.ToInt64(await s.ScalarAsync("PRAGMA page_count").ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                var size = Convert.ToInt64(await s.ScalarAsync("PRAGMA page_size").ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                return pages * size;
            }, cancellationToken).ConfigureAwait(false);
        }

        var sum = string.Join(" + ", tables.Select(t => $"pg_total_relation_size('\"{Schema}\".{t}')"));
        return await UseAsync(false, async s => Convert.ToInt64(await s.ScalarAsync("SELECT " + sum).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
    }

    public async Task DropAsync(CancellationToken cancellationToken)
    {
        if (Kind == SqlKind.Postgres && _postgres is not null)
        {
            while (_idle.TryTake(out var idle))
            {
                await idle.DisposeAsync().ConfigureAwait(false);
            }

            await using var connection = await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await ExecAsync(connection, $"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE;", cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeConnectionsAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task DisposeConnectionsAsync()
    {
        foreach (var command in _cache.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _cache.Clear();
        while (_idle.TryTake(out var idle))
        {
            await idle.DisposeAsync().ConfigureAwait(false);
        }

        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync().ConfigureAwait(false);
            _sqlite = null;
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
            _postgres = null;
        }
    }

    private static async Task ExecAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
