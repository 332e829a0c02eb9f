namespace CollabInsights.OnChain.Rpc;

/// <summary>Why a JSON-RPC call failed; the extractor decides retries and range splits from it.</summary>
public enum RpcFailureKind
{
    /// <summary>The server answered with a JSON-RPC error object (see <see cref="EthereumRpcException.Code"/>).</summary>
    JsonRpcError,

    /// <summary>The server answered with a non-success HTTP status and no JSON-RPC error (see <see cref="EthereumRpcException.HttpStatus"/>).</summary>
    HttpStatus,

    /// <summary>No answer within the client's timeout.</summary>
    Timeout,

    /// <summary>The connection failed (refused, reset, DNS).</summary>
    Network,

    /// <summary>The body was not a valid JSON-RPC response (truncated, HTML error page, wrong ids).</summary>
    MalformedResponse,
}
