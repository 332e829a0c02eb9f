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

    /// <summary>The fastest bare <c>eth_getLogs</c> of the whole range (one request, body read to the end), seconds.</summary>
    public required double BareGetLogsBestSeconds { get; init; }

    /// <summary>Our fastest run to the final tables (extraction plus the tables written from its chunks), seconds.</summary>
    public required double OursWithTablesBestSeconds { get; init; }

    /// <summary><see cref="OursWithTablesBestSeconds"/> over <see cref="BareGetLogsBestSeconds"/>: how much longer than the node's own serving time a user waits for the tables.</summary>
    public required double WallTimeRatioToBareGetLogs { get; init; }

    /// <summary>Our extraction's rate with every call through Nethereum's <c>RpcClient</c> (one run), or null when not measured.</summary>
    public double? NethereumClientLogsPerSecond { get; init; }

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
