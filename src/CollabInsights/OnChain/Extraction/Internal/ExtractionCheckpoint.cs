namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>
/// <c>checkpoint.json</c>: what a run has committed. Every block up to <see cref="LastCompletedBlock"/>
/// is in exactly one chunk; <see cref="RecentBlockHashes"/> lets a resumed run detect a reorg below it.
/// </summary>
internal sealed record ExtractionCheckpoint
{
    public int Version { get; init; } = 1;
    public required long ChainId { get; init; }
    public required long FromBlock { get; init; }
    public required string Filter { get; init; }
    public required string Format { get; init; }
    public required long LastCompletedBlock { get; init; }
    public SortedDictionary<long, string> RecentBlockHashes { get; init; } = [];
}
