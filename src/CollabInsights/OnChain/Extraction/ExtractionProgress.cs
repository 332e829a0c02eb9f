namespace CollabInsights.OnChain.Extraction;

/// <summary>A progress report: blocks committed out of the total, logs, rates (per second) and the estimated time left.</summary>
public sealed record ExtractionProgress(
    long BlocksDone,
    long BlocksTotal,
    long Logs,
    double BlocksPerSecond,
    double LogsPerSecond,
    TimeSpan? EstimatedRemaining,
    long CurrentBlockRange,
    int Concurrency,
    long Retries,
    long Reorgs);
