namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>A committed chunk folder <c>chunks/{from:D12}-{to:D12}</c>.</summary>
internal sealed record ChunkInfo(long FromBlock, long ToBlock, string Path);
