namespace CollabInsights.OnChain.Extraction;

/// <summary>One timed run: the tool (<c>collab</c> or <c>cast logs</c>), what it did and how fast (logs per second of wall-clock time).</summary>
public sealed record ExtractionBenchmarkRun(string Tool, string Work, int Repetition, double Seconds, long Logs, double LogsPerSecond);
