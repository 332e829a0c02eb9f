namespace CollabInsights.Benchmarks.Internal;

/// <summary>Creates a backend by name for a run.</summary>
internal static class BackendCatalog
{
    public static ILedgerBackend Create(string name, BenchmarkOptions options, string workDirectory)
    {
        // A schema per run and backend, so concurrent runs (or tests) on one server never drop each other's tables.
        var schema = "collab_bench_" + name.Replace('-', '_') + "_" + Guid.NewGuid().ToString("N")[..8];
        return name switch
        {
            BenchmarkBackends.Sqlite => new SqliteBackend(Path.Combine(workDirectory, "plain.db")),
            BenchmarkBackends.Postgres => new PostgresBackend(options.PostgresConnectionString, schema),
            BenchmarkBackends.HashChainSqlite => HashChainedBackend.OnSqlite(Path.Combine(workDirectory, "hashchain.db"), options.MerkleBlockSize),
            BenchmarkBackends.HashChainPostgres => HashChainedBackend.OnPostgres(options.PostgresConnectionString, schema, options.MerkleBlockSize),
            BenchmarkBackends.Anvil or BenchmarkBackends.Anvil1s or BenchmarkBackends.Anvil12s => AnvilBackend.Create(name, options.ConfirmationDepth),
            _ => throw new CollabInsightsException($"Unknown benchmark backend '{name}'. Use one of: {string.Join(", ", BenchmarkOptions.AllBackends)}."),
        };
    }
}
