namespace CollabInsights.Benchmarks;

/// <summary>
/// Everything a benchmark run depends on; it is written into <c>results.json</c> so the run can
/// be repeated exactly. Defaults are stated per property.
/// </summary>
public sealed record BenchmarkOptions
{
    /// <summary>Every backend name the runner knows.</summary>
    public static readonly IReadOnlyList<string> AllBackends = BenchmarkBackends.All;

    /// <summary>Every workload, in the order the runner executes them for each backend and N.</summary>
    public static readonly IReadOnlyList<string> AllWorkloads = BenchmarkWorkloads.All;

    /// <summary>Backends to run (names from <see cref="AllBackends"/>). Default: sqlite, postgres, hashchain-sqlite, hashchain-postgres, anvil.</summary>
    public IReadOnlyList<string> Backends { get; init; } = [BenchmarkBackends.Sqlite, BenchmarkBackends.Postgres, BenchmarkBackends.HashChainSqlite, BenchmarkBackends.HashChainPostgres, BenchmarkBackends.Anvil];

    /// <summary>Workloads to run (names from <see cref="AllWorkloads"/>). Default: all.</summary>
    public IReadOnlyList<string> Workloads { get; init; } = AllWorkloads;

    /// <summary>Numbers of records N to write per backend. Default: 1,000 and 10,000.</summary>
    public IReadOnlyList<long> Sizes { get; init; } = [1000, 10_000];

    /// <summary>Seed of the workload generator and of the ids chosen for lookups and proofs. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Rate control for every workload. Default: fixed load, 1 client.</summary>
    public RateControl Rate { get; init; } = RateControl.Default;

    /// <summary>Optional time limit per write workload; writing stops at N records or this duration, whichever comes first. Default: none.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Records per transaction in the <c>write-batch</c> workload. Default 100.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Point lookups per run (capped at N). Default 1,000.</summary>
    public int LookupOperations { get; init; } = 1000;

    /// <summary>Range queries (one-year windows) per run. Default 50.</summary>
    public int RangeOperations { get; init; } = 50;

    /// <summary>Aggregations (paid per funder) per run. Default 20.</summary>
    public int AggregateOperations { get; init; } = 20;

    /// <summary>Audit proofs produced and verified per run. Default 50.</summary>
    public int ProofOperations { get; init; } = 50;

    /// <summary>Rows per Merkle block in the hash-chained tables (K). Default 1,000.</summary>
    public int MerkleBlockSize { get; init; } = 1000;

    /// <summary>Blocks on top of the inclusion block before a chain write counts as confirmed. Default 2.</summary>
    public int ConfirmationDepth { get; init; } = 2;

    /// <summary>Gas price for the cost per record, in gwei. Default 20 gwei.</summary>
    public decimal GasPriceGwei { get; init; } = 20m;

    /// <summary>Price of one ETH for the cost per record, in US dollars. Default 3,000 USD.</summary>
    public decimal EthPriceUsd { get; init; } = 3000m;

    /// <summary>PostgreSQL connection string; null reads <c>COLLAB_PG</c>.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Folder for SQLite files and chain state; null uses a fresh folder under the system temp folder, deleted afterwards.</summary>
    public string? WorkDirectory { get; init; }
}
