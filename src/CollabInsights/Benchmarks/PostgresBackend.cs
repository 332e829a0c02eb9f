using CollabInsights.Benchmarks.Internal;

namespace CollabInsights.Benchmarks;

/// <summary>
/// The server baseline: a plain PostgreSQL table (Npgsql, prepared statements, pooled
/// connections) in its own schema, which <see cref="ILedgerBackend.ResetAsync"/> re-creates and
/// disposing drops.
/// </summary>
public sealed class PostgresBackend : SqlTableBackend
{
    /// <summary>Creates the backend. <paramref name="connectionString"/> defaults to the <c>COLLAB_PG</c> environment variable; <paramref name="schema"/> defaults to <c>collab_bench_plain</c>.</summary>
    public PostgresBackend(string? connectionString = null, string schema = "collab_bench_plain")
        : base(SqlStore.ForPostgres(PostgresConnection.Resolve(connectionString), schema), "postgres")
    {
    }

    private protected override Task DisposeCoreAsync(SqlStore store) => store.DropAsync(CancellationToken.None);
}
