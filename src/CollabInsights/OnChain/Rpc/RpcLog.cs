using Nethereum.RPC.Eth.DTOs;

namespace CollabInsights.OnChain.Rpc;

/// <summary>
/// A raw event log as <c>eth_getLogs</c> or a receipt returns it. Hex fields are lower-case as
/// the node sent them; <see cref="Address"/> too (checksum it for display). <see cref="Removed"/> is true
/// when a reorg dropped the log.
/// </summary>
public sealed record RpcLog(
    string Address,
    IReadOnlyList<string> Topics,
    string Data,
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    int TransactionIndex,
    int LogIndex,
    bool Removed)
{
    /// <summary>The same log as Nethereum's <see cref="FilterLog"/> holds it (from <c>eth_getLogs</c> or a receipt).</summary>
    public static RpcLog From(FilterLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new RpcLog(
            log.Address,
            [.. (log.Topics ?? []).Select(t => t.ToString()!)],
            log.Data,
            (long)log.BlockNumber.Value,
            log.BlockHash,
            log.TransactionHash,
            (int)log.TransactionIndex.Value,
            (int)log.LogIndex.Value,
            log.Removed);
    }
}
