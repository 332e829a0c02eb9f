using System.Text.Json;

namespace CollabInsights.OnChain.Rpc;

/// <summary>One answer of a batch: either <see cref="Result"/> or <see cref="Error"/> (an exception carrying the JSON-RPC error).</summary>
public sealed record RpcResponse(JsonElement Result, EthereumRpcException? Error)
{
    /// <summary>The result, or throws the error.</summary>
    public JsonElement GetResultOrThrow() => Error is null ? Result : throw Error;
}
