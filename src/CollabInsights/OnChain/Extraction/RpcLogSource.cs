using CollabInsights.OnChain.Rpc;

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// An <see cref="ILogSource"/> over any Ethereum JSON-RPC endpoint (<see cref="IEthereumRpc"/>): <c>eth_getLogs</c>,
/// batched <c>eth_getBlockByNumber</c>, with the node's errors turned into <see cref="LogSourceException"/>s the
/// extractor can act on (range hints, 429, 5xx, timeouts, truncated bodies). Logs flagged <c>removed</c> are dropped.
/// </summary>
public sealed class RpcLogSource : ILogSource
{
    private readonly IEthereumRpc _rpc;

    /// <summary>Wraps <paramref name="rpc"/>; the caller keeps ownership of it.</summary>
    public RpcLogSource(IEthereumRpc rpc)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
    }

    /// <inheritdoc/>
    public Task<long> GetChainIdAsync(CancellationToken cancellationToken) => WrapAsync(() => _rpc.GetChainIdAsync(cancellationToken));

    /// <inheritdoc/>
    public Task<long> GetLatestBlockAsync(CancellationToken cancellationToken) => WrapAsync(() => _rpc.GetBlockNumberAsync(cancellationToken));

    /// <inheritdoc/>
    public Task<IReadOnlyList<RpcLog>> GetLogsAsync(long fromBlock, long toBlock, EventFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rpcFilter = new Rpc.LogFilter(fromBlock, toBlock)
        {
            Addresses = filter.Addresses.Count > 0 ? filter.Addresses : null,
            Topics = filter.Topics.Count > 0 ? filter.Topics : null,
        };
        return WrapAsync(async () =>
        {
            var logs = await _rpc.GetLogsAsync(rpcFilter, cancellationToken).ConfigureAwait(false);
            return logs.Any(l => l.Removed) ? [.. logs.Where(l => !l.Removed)] : logs;
        });
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<BlockHeader>> GetBlockHeadersAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken) =>
        WrapAsync(async () =>
        {
            return await _rpc.GetBlockHeadersAsync(numbers, cancellationToken).ConfigureAwait(false);
        });

    private static async Task<T> WrapAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (EthereumRpcException e)
        {
            var failure = e.Kind == RpcFailureKind.Timeout ? LogSourceFailure.Timeout
                : e.IsRateLimited ? LogSourceFailure.RateLimited
                : e.IsTransient ? LogSourceFailure.Transient
                : e.Kind == RpcFailureKind.JsonRpcError ? LogSourceFailure.RpcError
                : LogSourceFailure.Fatal;
            var message = e.RpcMessage is { Length: > 0 } rpcMessage ? $"{rpcMessage} ({e.Message})" : e.Message;
            throw new LogSourceException(message, failure, (int?)e.Code, (int?)e.HttpStatus, null, e);
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new LogSourceException($"The node's answer could not be read ({e.Message}).", LogSourceFailure.Transient, innerException: e);
        }
    }
}
