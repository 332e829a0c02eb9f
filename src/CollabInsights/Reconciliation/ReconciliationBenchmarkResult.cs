namespace CollabInsights.Reconciliation;

/// <summary>
/// One run of the reconciliation benchmark: N records per side, our matching time and DuckDB's (full outer
/// join plus the three mismatch joins, on the same data in the same process), the class counts of each, and
/// the process's peak working set after each engine ran.
/// </summary>
public sealed record ReconciliationBenchmarkResult(
    int N,
    double OursSeconds,
    double DuckDbSeconds,
    double DuckDbLoadSeconds,
    IReadOnlyDictionary<string, long> OursCounts,
    IReadOnlyDictionary<string, long> DuckDbCounts,
    long PeakBytesAfterOurs,
    long PeakBytesAfterDuckDb)
{
    /// <summary>Our time over DuckDB's (goal: at most 2).</summary>
    public double Ratio => DuckDbSeconds > 0 ? OursSeconds / DuckDbSeconds : double.NaN;

    /// <summary>True when both engines put the same number of records in every class.</summary>
    public bool IdenticalCounts => OursCounts.Count == DuckDbCounts.Count && OursCounts.All(kv => DuckDbCounts.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
