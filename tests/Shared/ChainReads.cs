using CollabInsights.OnChain.Rpc;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace CollabInsights.Tests.Shared;

/// <summary>Reads tests make straight from a node through Nethereum, independently of the extractor.</summary>
internal static class ChainReads
{
    /// <summary><c>eth_getLogs</c> of <paramref name="address"/> from block <paramref name="from"/> to <paramref name="to"/> (null: latest), topics by position (null: any).</summary>
    public static async Task<IReadOnlyList<RpcLog>> GetLogsAsync(this IWeb3 web3, string? address, long from, long? to, CancellationToken ct, params string?[] topics)
    {
        var logs = await web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            FromBlock = new BlockParameter(new HexBigInteger(from)),
            ToBlock = to is { } t ? new BlockParameter(new HexBigInteger(t)) : BlockParameter.CreateLatest(),
            Address = address is null ? null : [address],
            Topics = topics.Length == 0 ? null : [.. topics.Cast<object?>()],
        }).WaitAsync(ct);
        return [.. logs.Select(RpcLog.From)];
    }

    /// <summary><c>eth_blockNumber</c>.</summary>
    public static async Task<long> BlockNumberAsync(this IWeb3 web3, CancellationToken ct) =>
        (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(ct)).Value;
}
