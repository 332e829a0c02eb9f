namespace CollabInsights.Reconciliation;

/// <summary>
/// One size of the engine benchmark: N records per side reconciled by the DuckDB engine over Parquet match rows and (when it ran) by the
/// in-memory engine over the same records as objects, each timed from data at rest (Parquet on disk, objects in memory), with the peak
/// working set of each phase, the Parquet size, the largest spill DuckDB wrote, and the class counts against the planted ones.
/// </summary>
/// <param name="N">Records per side.</param>
/// <param name="DuckDbSeconds">The DuckDB engine's wall time over the Parquet files (estimate, passes, counts, entries of the differences).</param>
/// <param name="DuckDbPeakBytes">The process's largest working set while DuckDB ran (its native memory included).</param>
/// <param name="DuckDbCounts">The DuckDB engine's count per class.</param>
/// <param name="GenerateSeconds">Time DuckDB took to write both sides' Parquet (not counted in <paramref name="DuckDbSeconds"/>).</param>
/// <param name="ParquetBytes">Size of both sides' Parquet files.</param>
/// <param name="SpillPeakBytes">Largest size of DuckDB's temp directory seen during the run.</param>
/// <param name="MemorySeconds">The in-memory engine's wall time over the objects (null when it did not run).</param>
/// <param name="MemoryPeakBytes">The process's largest working set while the in-memory engine ran, objects included (null when it did not run).</param>
/// <param name="MemoryCounts">The in-memory engine's count per class (null when it did not run).</param>
/// <param name="PlantedCounts">The counts the generator planted: 1% of N in each mismatch class and in each of only_on_chain and only_off_chain.</param>
/// <param name="MemoryLimitBytes">DuckDB's memory limit in the run.</param>
public sealed record ReconciliationEngineBenchmarkResult(
    long N,
    double DuckDbSeconds,
    long DuckDbPeakBytes,
    IReadOnlyDictionary<string, long> DuckDbCounts,
    double GenerateSeconds,
    long ParquetBytes,
    long SpillPeakBytes,
    double? MemorySeconds,
    long? MemoryPeakBytes,
    IReadOnlyDictionary<string, long>? MemoryCounts,
    IReadOnlyDictionary<string, long> PlantedCounts,
    long MemoryLimitBytes)
{
    /// <summary>CPU time (all threads) the process spent while the DuckDB engine ran: on a shared machine a steadier measure than wall time.</summary>
    public double DuckDbCpuSeconds { get; init; }

    /// <summary>CPU time the process spent while the in-memory engine ran (null when it did not run).</summary>
    public double? MemoryCpuSeconds { get; init; }

    /// <summary>DuckDB's time over the in-memory engine's (the goal: at most 1.2); null when the in-memory engine did not run.</summary>
    public double? Ratio => MemorySeconds is > 0 ? DuckDbSeconds / MemorySeconds : null;

    /// <summary>True when DuckDB's counts equal the planted ones and, when it ran, the in-memory engine's.</summary>
    public bool IdenticalCounts => Same(DuckDbCounts, PlantedCounts) && (MemoryCounts is null || Same(MemoryCounts, PlantedCounts));

    private static bool Same(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
