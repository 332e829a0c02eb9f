using System.Text.Json;

namespace CollabInsights.OnChain.Rpc;

/// <summary>
/// The transport the kit needs from an Ethereum node: single and batched JSON-RPC calls.
/// Typed calls (<c>eth_getLogs</c>, <c>eth_chainId</c> ...) are extension methods in
/// <see cref="EthereumRpcExtensions"/>, so a wrapper (retries, fault injection, another library) implements only this.
/// </summary>
public interface IEthereumRpc
{
    /// <summary>The endpoint, for redacted reporting.</summary>
    RpcEndpoint Endpoint { get; }

    /// <summary>Calls <paramref name="method"/>; returns the <c>result</c> (detached from any document) or throws <see cref="EthereumRpcException"/>.</summary>
    Task<JsonElement> CallAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends the requests as one JSON-RPC batch; answers come back in request order. A failure of
    /// one call is in its <see cref="RpcResponse.Error"/>; a failure of the whole batch (HTTP, timeout) throws.
    /// </summary>
    Task<IReadOnlyList<RpcResponse>> BatchAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken = default);
}
