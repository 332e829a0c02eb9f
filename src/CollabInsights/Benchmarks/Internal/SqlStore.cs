using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>
/// Connection handling shared by the SQL backends. SQLite: one connection (one writer), guarded
/// by a semaphore, with its prepared commands cached. PostgreSQL: each concurrent client keeps
/// its own open connection with its own cache of prepared commands, as a pgbench client does,
/// and runs its statements with blocking calls on its own thread (the load generator's clients are threads).
/// </summary>
internal sealed class SqlStore : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, DbCommand> _cache = new(StringComparer.Ordinal);
    private SqliteConnection? _sqlite;
    private readonly System.Collections.Concurrent.ConcurrentBag<PgClient> _idle = [];
    private NpgsqlDataSource? _postgres;
    private string? _lastDdl;

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

    /// <summary>
    /// Drops and re-creates the storage, then runs <paramref name="ddl"/>. On PostgreSQL a second
    /// reset with the same DDL truncates the tables instead (TRUNCATE releases their files, so sizes stay exact).
    /// </summary>
    public async Task ResetAsync(string ddl, CancellationToken cancellationToken, IReadOnlyList<string>? tables = null)
    {
        if (Kind == SqlKind.Postgres && _postgres is not null && tables is { Count: > 0 } && string.Equals(ddl, _lastDdl, StringComparison.Ordinal))
        {
            while (_idle.TryTake(out var idle))
            {
                await idle.DisposeAsync().ConfigureAwait(false);
            }

            using var open = _postgres.OpenConnection();
            await ExecAsync(open, "TRUNCATE " + string.Join(", ", tables), cancellationToken).ConfigureAwait(false);
            return;
        }

        _lastDdl = ddl;
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
            using var connection = _postgres.OpenConnection();
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
            // Each concurrent client keeps a physical connection, like pgbench's clients: no pool reset between
            // operations, and its commands stay prepared with their parameter objects bound (only values change).
            // Statements run with the blocking calls on the client's thread, as pgbench's threads do: an async
            // round trip costs an extra thread hop per statement, which on a busy machine is an extra wait for a CPU.
            var source = _postgres ?? throw new InvalidOperationException("Call ResetAsync first.");
            if (!_idle.TryTake(out var client))
            {
                client = new PgClient(source.OpenConnection());
            }

            try
            {
                var connection = client.Connection;
                using var tx = transaction ? connection.BeginTransaction() : null;
                var result = await work(new SqlSession(connection, tx, client.Commands, prepare: true, cancellationToken, blocking: true)).ConfigureAwait(false);
                tx?.Commit();
                _idle.Add(client);
                return result;
            }
            catch
            {
                await client.DisposeAsync().ConfigureAwait(false);
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

            using var connection = _postgres.OpenConnection();
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

    /// <summary>One PostgreSQL client: an open connection and its prepared commands, keyed by SQL text.</summary>
    private sealed class PgClient(NpgsqlConnection connection) : IAsyncDisposable
    {
        public NpgsqlConnection Connection => connection;

        public Dictionary<string, DbCommand> Commands { get; } = new(StringComparer.Ordinal);

        public async ValueTask DisposeAsync()
        {
            foreach (var command in Commands.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            connection.Dispose();
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/>; on PostgreSQL with the blocking call. The data source's connections are only ever used
    /// synchronously: on Unix a .NET socket that once ran an async operation stays non-blocking, and its blocking calls then
    /// wait on the socket engine's thread, two thread hops per round trip instead of none.
    /// </summary>
    private static async Task ExecAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (connection is NpgsqlConnection)
        {
            command.ExecuteNonQuery();
        }
        else
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
