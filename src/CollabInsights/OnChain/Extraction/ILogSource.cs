using CollabInsights.OnChain.Rpc;

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// Where logs come from: an Ethereum JSON-RPC endpoint (<c>RpcLogSource</c>) or, in tests, an
/// in-memory chain. Implementations throw <see cref="LogSourceException"/> for provider errors so the
/// extractor can tell range limits from transient failures.
/// </summary>
public interface ILogSource
{
    /// <summary>The chain id (<c>eth_chainId</c>).</summary>
    Task<long> GetChainIdAsync(CancellationToken cancellationToken);

    /// <summary>The number of the latest block (<c>eth_blockNumber</c>).</summary>
    Task<long> GetLatestBlockAsync(CancellationToken cancellationToken);

    /// <summary>Logs in <paramref name="fromBlock"/>..<paramref name="toBlock"/> (inclusive) that match <paramref name="filter"/>.</summary>
    Task<IReadOnlyList<RpcLog>> GetLogsAsync(long fromBlock, long toBlock, EventFilter filter, CancellationToken cancellationToken);

    /// <summary>Headers of the given blocks, in the same order; implementations should batch them into one request.</summary>
    Task<IReadOnlyList<BlockHeader>> GetBlockHeadersAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken);
}
