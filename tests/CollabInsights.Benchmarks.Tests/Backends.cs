using CollabInsights.Benchmarks;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Benchmarks.Tests;

/// <summary>Creates each database backend for tests, on a temp file or a unique PostgreSQL schema.</summary>
internal static class Backends
{
    public static readonly string[] DatabaseNames = ["sqlite", "postgres", "hashchain-sqlite", "hashchain-postgres"];

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("COLLAB_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("COLLAB_PG is not set: start PostgreSQL for the tests with eval \"$(bash scripts/postgres.sh --export)\"");

    public static ILedgerBackend Create(string name, int blockSize = 4)
    {
        var schema = "bench_test_" + Guid.NewGuid().ToString("N")[..12];
        return name switch
        {
            "sqlite" => new SqliteBackend(Path.Combine(RepoPaths.NewTempDirectory("bench"), "plain.db")),
            "postgres" => new PostgresBackend(PostgresConnectionString, schema),
            "hashchain-sqlite" => HashChainedBackend.OnSqlite(Path.Combine(RepoPaths.NewTempDirectory("bench"), "chain.db"), blockSize),
            "hashchain-postgres" => HashChainedBackend.OnPostgres(PostgresConnectionString, schema, blockSize),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
