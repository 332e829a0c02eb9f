using System.Numerics;

namespace CollabInsights.OnChain.Rpc;

/// <summary>The fields of a block the kit uses: number, hash, parent hash (for reorg checks), timestamp (Unix seconds), base fee (wei, null before London).</summary>
public sealed record BlockHeader(long Number, string Hash, string ParentHash, long Timestamp, BigInteger? BaseFeePerGas)
{
    /// <summary>The timestamp as a UTC date and time.</summary>
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeSeconds(Timestamp);
}
