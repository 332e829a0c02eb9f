namespace CollabInsights.Carbon;

/// <summary>
/// One run of <c>collab bench carbon</c>: N credit blocks, the overlapping pairs planted, our detection time
/// (<see cref="SerialOverlaps.Find"/>, sort included) and DuckDB's interval self-join time on the same blocks in the same
/// process (query and fetch of the pairs; loading the table is reported apart), the pairs each found, and the process's peak
/// working set after each engine ran.
/// </summary>
public sealed record SerialOverlapBenchmarkResult(
    int N,
    int Seed,
    int Stems,
    int PlantedPairs,
    double OursSeconds,
    double DuckDbSeconds,
    double DuckDbLoadSeconds,
    long OursPairs,
    long DuckDbPairs,
    bool IdenticalPairs,
    long PeakBytesAfterOurs,
    long PeakBytesAfterDuckDb)
{
    /// <summary>Our time over DuckDB's (goal: at most 1.5).</summary>
    public double Ratio => DuckDbSeconds > 0 ? OursSeconds / DuckDbSeconds : double.NaN;
}
