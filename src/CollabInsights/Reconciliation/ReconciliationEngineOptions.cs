namespace CollabInsights.Reconciliation;

/// <summary>How the out-of-core (DuckDB) engine runs and when <see cref="ReconciliationEngine.Auto"/> chooses it.</summary>
public sealed record ReconciliationEngineOptions
{
    /// <summary>The engine (default <see cref="ReconciliationEngine.Auto"/>).</summary>
    public ReconciliationEngine Engine { get; init; } = ReconciliationEngine.Auto;

    /// <summary>
    /// Records on both sides together above which <see cref="ReconciliationEngine.Auto"/> picks DuckDB (default 10,000,000, i.e. 5M per side:
    /// measured at about 5.4 GiB in memory, a quarter of a 24 GiB machine).
    /// </summary>
    public long AutoThreshold { get; init; } = 10_000_000;

    /// <summary>DuckDB's <c>memory_limit</c> in bytes; beyond it DuckDB spills to <see cref="TempDirectory"/>. Default null: 4 GiB.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>DuckDB's <c>temp_directory</c> for spilled data. Default null: a folder <c>collab-duckdb</c> under the system temp folder.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>DuckDB's worker threads. Default null: DuckDB's own default (one per core).</summary>
    public int? Threads { get; init; }

    /// <summary>The memory limit used when <see cref="MemoryLimitBytes"/> is null: 4 GiB.</summary>
    public const long DefaultMemoryLimitBytes = 4L << 30;
}
