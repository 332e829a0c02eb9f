namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// The outcome of <see cref="ExtractionBenchmark"/>: the chain, every timed run, the best rates, and whether our
/// decoded Parquet rows hold exactly the logs <c>cast logs</c> printed (counts and values).
/// </summary>
public sealed record ExtractionBenchmarkResult
{
    public required long ChainId { get; init; }
    public required string Contract { get; init; }
    public required long Events { get; init; }
    public required long FromBlock { get; init; }
    public required long ToBlock { get; init; }
    public required double SetupSeconds { get; init; }
    public required IReadOnlyList<ExtractionBenchmarkRun> Runs { get; init; }
    public required double OursBestLogsPerSecond { get; init; }
    public required double OursWithCompactionBestLogsPerSecond { get; init; }
    public required double CastBestLogsPerSecond { get; init; }

    /// <summary>Our best rate over cast's best rate; 1 or more meets the goal.</summary>
    public required double SpeedRatio { get; init; }
    public required long OurLogs { get; init; }
    public required long CastLogs { get; init; }
    public required bool CountsEqual { get; init; }
    public required bool ValuesEqual { get; init; }

    /// <summary>The first few differences, if any (block, log index, what differs).</summary>
    public required IReadOnlyList<string> Mismatches { get; init; }
    public required string CastVersion { get; init; }
    public required int ProcessorCount { get; init; }
    public required string Runtime { get; init; }
}
