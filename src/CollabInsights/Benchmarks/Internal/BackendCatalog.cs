namespace CollabInsights.Benchmarks.Internal;

/// <summary>Creates a backend by name for a run.</summary>
internal static class BackendCatalog
{
    public static ILedgerBackend Create(string name, BenchmarkOptions options, string workDirectory)
    {
        var schema = "collab_bench_" + name.Replace('-', '_');
        return name switch
        {
            "sqlite" => new SqliteBackend(Path.Combine(workDirectory, "plain.db")),
            "postgres" => new PostgresBackend(options.PostgresConnectionString, schema),
            "hashchain-sqlite" => HashChainedBackend.OnSqlite(Path.Combine(workDirectory, "hashchain.db"), options.MerkleBlockSize),
            "hashchain-postgres" => HashChainedBackend.OnPostgres(options.PostgresConnectionString, schema, options.MerkleBlockSize),
            _ => throw new CollabInsightsException($"Unknown benchmark backend '{name}'. Use one of: {string.Join(", ", BenchmarkOptions.AllBackends)}."),
        };
    }
}
