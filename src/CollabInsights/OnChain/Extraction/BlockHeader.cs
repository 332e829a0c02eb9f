namespace CollabInsights.OnChain.Extraction;

/// <summary>The part of a block header the extractor needs: its hash, its parent's hash (for reorg detection) and its timestamp in Unix seconds.</summary>
public sealed record BlockHeader(long Number, string Hash, string ParentHash, long Timestamp);
