namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// What a run did: the range, what was extracted (per table, unknown logs counted apart),
/// how the provider behaved (requests, retries, range changes, reorgs) and the rates.
/// Written as <c>summary.json</c> beside the output.
/// </summary>
public sealed record ExtractionSummary
{
    public required long ChainId { get; init; }
    public required long FromBlock { get; init; }
    public required long ToBlock { get; init; }
    public required string Filter { get; init; }
    public required string Format { get; init; }

    /// <summary>The block this run resumed after (from the checkpoint), or null for a fresh run.</summary>
    public long? ResumedAfterBlock { get; init; }

    /// <summary>Blocks and logs committed by this run (excluding what a previous run had already committed).</summary>
    public long BlocksExtracted { get; init; }
    public long LogsExtracted { get; init; }

    /// <summary>Logs per table committed by this run, sorted by table name.</summary>
    public IReadOnlyDictionary<string, long> LogsPerTable { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Logs that matched no ABI entry (the <c>unknown</c> table).</summary>
    public long UnknownLogs { get; init; }

    public long Chunks { get; init; }
    public long Requests { get; init; }
    public long Retries { get; init; }
    public long RateLimited { get; init; }
    public long RangeShrinks { get; init; }
    public long Reorgs { get; init; }
    public long RolledBackBlocks { get; init; }
    public long FinalBlockRange { get; init; }
    public double ElapsedSeconds { get; init; }
    public double BlocksPerSecond { get; init; }
    public double LogsPerSecond { get; init; }
}
