namespace CollabInsights.Benchmarks;

/// <summary>
/// The benchmark's backend identifiers, one constant each, as they appear in <see cref="BenchmarkOptions.Backends"/>,
/// <see cref="BenchmarkResult.Backend"/> and the result files. Compare with these, never with a literal.
/// </summary>
public static class BenchmarkBackends
{
    /// <summary>A plain SQLite table.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>A plain PostgreSQL table (server from <c>COLLAB_PG</c>).</summary>
    public const string Postgres = "postgres";

    /// <summary>The hash-chained ledger table on SQLite.</summary>
    public const string HashChainSqlite = "hashchain-sqlite";

    /// <summary>The hash-chained ledger table on PostgreSQL.</summary>
    public const string HashChainPostgres = "hashchain-postgres";

    /// <summary>The outcome ledger on a local Anvil node, mining each transaction at once.</summary>
    public const string Anvil = "anvil";

    /// <summary>Anvil mining a block every second.</summary>
    public const string Anvil1s = "anvil-1s";

    /// <summary>Anvil mining a block every 12 seconds (Ethereum's slot time).</summary>
    public const string Anvil12s = "anvil-12s";

    /// <summary>Every backend name the runner knows.</summary>
    public static IReadOnlyList<string> All { get; } = [Sqlite, Postgres, HashChainSqlite, HashChainPostgres, Anvil, Anvil1s, Anvil12s];

    /// <summary>True for the plain tables, which keep no integrity evidence (<see cref="Sqlite"/>, <see cref="Postgres"/>).</summary>
    public static bool IsPlainTable(string backend) => backend is Sqlite or Postgres;
}
