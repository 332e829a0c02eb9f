using System.Net;
using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.OnChain.Rpc;

/// <summary>
/// A JSON-RPC call failed. Carries what retry and range-splitting logic needs: the failure
/// kind, the HTTP status (429, 5xx ...), the JSON-RPC error code, message and data. The message
/// names the method and the redacted endpoint, never the URL's secrets.
/// </summary>
public sealed class EthereumRpcException : Exception
{
    public EthereumRpcException(RpcFailureKind kind, string method, string endpoint, string detail, HttpStatusCode? httpStatus = null, long? code = null, string? rpcMessage = null, string? data = null, Exception? innerException = null)
        : base(BuildMessage(kind, method, endpoint, detail, httpStatus, code), innerException)
    {
        Kind = kind;
        Method = method;
        Endpoint = endpoint;
        HttpStatus = httpStatus;
        Code = code;
        RpcMessage = rpcMessage;
        Data = data;
    }

    /// <summary>What went wrong.</summary>
    public RpcFailureKind Kind { get; }

    /// <summary>The JSON-RPC method (<c>batch</c> for a failed batch as a whole).</summary>
    public string Method { get; }

    /// <summary>The redacted endpoint.</summary>
    public string Endpoint { get; }

    /// <summary>The HTTP status when the server answered with one other than 200.</summary>
    public HttpStatusCode? HttpStatus { get; }

    /// <summary>The JSON-RPC error code (e.g. -32005 limit exceeded, -32602 invalid params, 3 execution reverted).</summary>
    public long? Code { get; }

    /// <summary>The JSON-RPC error message as the server wrote it (providers put range hints here).</summary>
    public string? RpcMessage { get; }

    /// <summary>The JSON-RPC error's <c>data</c> member: a string's value, or raw JSON for other values.</summary>
    public new string? Data { get; }

    /// <summary>True for failures worth retrying as is: timeouts, network errors, malformed bodies, HTTP 429 and 5xx.</summary>
    public bool IsTransient => Kind is RpcFailureKind.Timeout or RpcFailureKind.Network or RpcFailureKind.MalformedResponse
        || HttpStatus is HttpStatusCode.TooManyRequests || (int?)HttpStatus >= 500;

    /// <summary>True when the server said to slow down (HTTP 429, or a JSON-RPC message about rate limits).</summary>
    public bool IsRateLimited => HttpStatus is HttpStatusCode.TooManyRequests
        || (RpcMessage?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) ?? false)
        || (RpcMessage?.Contains("too many requests", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>The revert data of a failed eth_call/eth_estimateGas (<c>data</c> as bytes), or null.</summary>
    public byte[]? RevertData => Data is { } d && d.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && d.Length % 2 == 0 ? d.HexToByteArray() : null;

    internal static string? DataToString(JsonElement? data) => data switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } other => other.GetRawText(),
    };

    private static string BuildMessage(RpcFailureKind kind, string method, string endpoint, string detail, HttpStatusCode? status, long? code)
    {
        var what = kind switch
        {
            RpcFailureKind.JsonRpcError => $"error {code}",
            RpcFailureKind.HttpStatus => $"HTTP {(int?)status}",
            RpcFailureKind.Timeout => "timeout",
            RpcFailureKind.Network => "connection failed",
            _ => "malformed response",
        };
        var hint = kind is RpcFailureKind.Network ? " Check that the node is running and the URL is right." : string.Empty;
        return $"{method} at {endpoint}: {what}: {detail}{hint}";
    }
}
