using System.Globalization;

namespace CollabInsights.Reconciliation;

/// <summary>
/// What a reconciliation run is expected to cost before it starts: rows per side, the engine, time, peak memory and disk (spill and
/// staging files). The figures scale linearly from rates measured by <c>collab bench reconcile</c> on a 2-core machine (README,
/// "Reconciliation beyond memory"); they are a guide to the order of magnitude, not a promise.
/// </summary>
/// <param name="OffChainRows">Records of the books.</param>
/// <param name="OnChainRows">Records of the chain.</param>
/// <param name="Engine">The engine that runs (never <see cref="ReconciliationEngine.Auto"/>).</param>
/// <param name="Seconds">Expected wall time.</param>
/// <param name="MemoryBytes">Expected peak memory of the process.</param>
/// <param name="DiskBytes">Expected disk use at the peak: DuckDB's spill files (0 for the in-memory engine).</param>
public sealed record ReconciliationEstimate(long OffChainRows, long OnChainRows, ReconciliationEngine Engine, double Seconds, long MemoryBytes, long DiskBytes)
{
    /// <summary>In-memory engine: seconds per record pair (5M x 5M in 15.5 s).</summary>
    public const double MemorySecondsPerPair = 3.1e-6;

    /// <summary>In-memory engine: bytes per record pair (5M x 5M at 5.4 GiB).</summary>
    public const long MemoryBytesPerPair = 1_160;

    /// <summary>DuckDB engine: seconds per record pair over Parquet (measured by the benchmark; see README).</summary>
    public const double DuckDbSecondsPerPair = 3.0e-6;

    /// <summary>DuckDB engine: bytes of spill per record pair once the data exceeds the memory limit (measured; see README).</summary>
    public const long DuckDbDiskBytesPerPair = 120;

    /// <summary>Estimates a run of <paramref name="engine"/> over sides of the given sizes; <paramref name="memoryLimitBytes"/> caps DuckDB's memory.</summary>
    public static ReconciliationEstimate For(long offChainRows, long onChainRows, ReconciliationEngine engine, long memoryLimitBytes = ReconciliationEngineOptions.DefaultMemoryLimitBytes)
    {
        var pairs = Math.Max(offChainRows, onChainRows);
        if (engine == ReconciliationEngine.Memory)
        {
            return new ReconciliationEstimate(offChainRows, onChainRows, engine, pairs * MemorySecondsPerPair, pairs * MemoryBytesPerPair, 0);
        }

        // DuckDB holds what fits under its limit and spills the rest; the process adds about 200 MiB of its own.
        var working = pairs * DuckDbDiskBytesPerPair;
        var memory = Math.Min(working, memoryLimitBytes) + (200L << 20);
        var disk = Math.Max(0, working - memoryLimitBytes);
        return new ReconciliationEstimate(offChainRows, onChainRows, ReconciliationEngine.DuckDb, pairs * DuckDbSecondsPerPair, memory, disk);
    }

    /// <summary>One line for a person: <c>5,000,000 books x 5,000,000 chain records on duckdb: about 15 s, 1.1 GiB memory, 0 B disk</c>.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{OffChainRows:N0} books x {OnChainRows:N0} chain records on {(Engine == ReconciliationEngine.DuckDb ? "duckdb" : "memory")}: about {Seconds:0.#} s, {Bytes(MemoryBytes)} memory, {Bytes(DiskBytes)} disk");

    private static string Bytes(long b) => b switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{b / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{b / (double)(1L << 20):0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{b} B"),
    };
}
