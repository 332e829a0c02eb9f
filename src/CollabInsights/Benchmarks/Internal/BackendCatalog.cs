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
            "sqlite" => new SqliteBackend(Path.Combine(workDirectory, "plain.db")),
            "postgres" => new PostgresBackend(options.PostgresConnectionString, schema),
            "hashchain-sqlite" => HashChainedBackend.OnSqlite(Path.Combine(workDirectory, "hashchain.db"), options.MerkleBlockSize),
            "hashchain-postgres" => HashChainedBackend.OnPostgres(options.PostgresConnectionString, schema, options.MerkleBlockSize),
            "anvil" or "anvil-1s" or "anvil-12s" => AnvilBackend.Create(name, options.ConfirmationDepth),
            _ => throw new CollabInsightsException($"Unknown benchmark backend '{name}'. Use one of: {string.Join(", ", BenchmarkOptions.AllBackends)}."),
        };
    }
}
