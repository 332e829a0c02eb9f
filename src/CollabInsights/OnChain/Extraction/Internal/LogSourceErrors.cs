using System.Net;
using System.Text.Json;
using Nethereum.JsonRpc.Client;

namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>
/// Turns what a node or the HTTP stack threw into a <see cref="LogSourceException"/> the extractor can act on:
/// range-limit errors keep the provider's code and message (for the hint), 429 and rate-limit messages are
/// <see cref="LogSourceFailure.RateLimited"/>, 5xx, dropped connections and truncated bodies are transient,
/// timeouts are <see cref="LogSourceFailure.Timeout"/>. Knows Nethereum's client exceptions
/// (<see cref="RpcResponseException"/>, <see cref="RpcClientTimeoutException"/>, <see cref="RpcClientUnknownException"/>).
/// </summary>
internal static class LogSourceErrors
{
    public static LogSourceException FromRpcError(int? code, string message) =>
        new(message, IsRateLimitText(message) || code == 429 ? LogSourceFailure.RateLimited : LogSourceFailure.RpcError, code);

    public static LogSourceException FromHttpStatus(HttpStatusCode status, TimeSpan? retryAfter, string detail)
    {
        var code = (int)status;
        var failure = code == 429 ? LogSourceFailure.RateLimited
            : code >= 500 || code == 408 ? LogSourceFailure.Transient
            : LogSourceFailure.Fatal;
        var hint = failure == LogSourceFailure.Fatal ? " Check the URL and the provider's key." : string.Empty;
        return new LogSourceException($"HTTP {code} {status}{(detail.Length > 0 ? ": " + detail : string.Empty)}.{hint}", failure, null, code, retryAfter);
    }

    /// <summary>Maps an exception from Nethereum's client or the HTTP stack; null when it is none of those (a bug, let it surface).</summary>
    public static LogSourceException? From(Exception e, Func<string, string> scrub)
    {
        switch (e)
        {
            case LogSourceException known:
                return known;
            case RpcResponseException rpc:
                var data = rpc.RpcError?.Data is null ? null : rpc.RpcError.GetDataAsString();
                return FromRpcError(rpc.RpcError?.Code, scrub((rpc.RpcError?.Message ?? rpc.Message) + (data is null ? string.Empty : $" (data: {data})")));
            case RpcClientTimeoutException timeout:
                return new LogSourceException(scrub(timeout.Message), LogSourceFailure.Timeout, innerException: timeout);
            case RpcClientUnknownException unknown when unknown.InnerException is { } inner:
                return From(inner, scrub) is { } mapped
                    ? new LogSourceException(mapped.Message, mapped.Failure, mapped.RpcCode, mapped.HttpStatus, mapped.RetryAfter, unknown)
                    : new LogSourceException(scrub(inner.Message), LogSourceFailure.Transient, innerException: unknown);
            case RpcClientUnknownException unknown:
                return new LogSourceException(scrub(unknown.Message), LogSourceFailure.Transient, innerException: unknown);
            case HttpRequestException http when http.StatusCode is { } status:
                return FromHttpStatus(status, null, scrub(http.Message));
            case HttpRequestException http:
                return new LogSourceException($"connection failed: {scrub(http.Message)} Check that the node is running and the URL is right.", LogSourceFailure.Transient, innerException: http);
            case IOException io:
                return new LogSourceException($"connection dropped: {scrub(io.Message)}", LogSourceFailure.Transient, innerException: io);
            case JsonException or Newtonsoft.Json.JsonException:
                return new LogSourceException($"The node's answer could not be read (truncated or not JSON: {scrub(e.Message)}).", LogSourceFailure.Transient, innerException: e);
            case FormatException or InvalidCastException or NullReferenceException:
                return new LogSourceException($"The node's answer could not be read ({scrub(e.Message)}).", LogSourceFailure.Transient, innerException: e);
            default:
                return null;
        }
    }

    private static bool IsRateLimitText(string message) =>
        message.Contains("rate limit", StringComparison.OrdinalIgnoreCase) || message.Contains("too many requests", StringComparison.OrdinalIgnoreCase);
}
