using CollabInsights.Benchmarks.Internal;

namespace CollabInsights.Benchmarks;

/// <summary>
/// The embedded baseline: a plain SQLite table (Microsoft.Data.Sqlite) in one database file,
/// WAL journal with <c>synchronous=NORMAL</c>, prepared statements, one transaction per batch.
/// </summary>
public sealed class SqliteBackend : SqlTableBackend
{
    /// <summary>Creates the backend over <paramref name="databaseFile"/> (created or replaced by <see cref="ILedgerBackend.ResetAsync"/>).</summary>
    public SqliteBackend(string databaseFile)
        : base(SqlStore.ForSqlite(databaseFile), "sqlite")
    {
    }
}
