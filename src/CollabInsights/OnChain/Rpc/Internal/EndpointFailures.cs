using System.Net;
using Nethereum.JsonRpc.Client;

namespace CollabInsights.OnChain.Rpc.Internal;

/// <summary>
/// Wraps every call of a Nethereum client made by <see cref="RpcEndpoint.CreateClient"/>: a failure to reach the node
/// (connection refused or dropped, HTTP status, timeout, unreadable body) becomes an <see cref="EthereumRpcException"/>
/// that names the method and the redacted endpoint and says what to check. JSON-RPC errors pass through as Nethereum's
/// <see cref="RpcResponseException"/>, whose revert data Nethereum's contract handlers decode.
/// </summary>
internal sealed class EndpointFailures(RpcEndpoint endpoint) : RequestInterceptor
{
    public override async Task<object> InterceptSendRequestAsync<T>(Func<RpcRequest, string, Task<T>> interceptedSendRequestAsync, RpcRequest request, string? route = null)
    {
        try
        {
            return (await interceptedSendRequestAsync(request, route!).ConfigureAwait(false))!;
        }
        catch (Exception e) when (Map(e, request.Method) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task InterceptSendRequestAsync(Func<RpcRequest, string, Task> interceptedSendRequestAsync, RpcRequest request, string? route = null)
    {
        try
        {
            await interceptedSendRequestAsync(request, route!).ConfigureAwait(false);
        }
        catch (Exception e) when (Map(e, request.Method) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task<object> InterceptSendRequestAsync<T>(Func<string, string, object[], Task<T>> interceptedSendRequestAsync, string method, string? route = null, params object[] paramList)
    {
        try
        {
            return (await interceptedSendRequestAsync(method, route!, paramList).ConfigureAwait(false))!;
        }
        catch (Exception e) when (Map(e, method) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task InterceptSendRequestAsync(Func<string, string, object[], Task> interceptedSendRequestAsync, string method, string? route = null, params object[] paramList)
    {
        try
        {
            await interceptedSendRequestAsync(method, route!, paramList).ConfigureAwait(false);
        }
        catch (Exception e) when (Map(e, method) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>The <see cref="EthereumRpcException"/> for a transport failure; null for anything else (JSON-RPC errors included).</summary>
    internal EthereumRpcException? Map(Exception e, string method) => e switch
    {
        RpcClientTimeoutException timeout => new(RpcFailureKind.Timeout, method, endpoint.Redacted, $"no answer within {ClientBase.ConnectionTimeout.TotalSeconds:0.#} s", innerException: timeout),
        RpcClientUnknownException { InnerException: HttpRequestException { StatusCode: { } status } http } unknown =>
            new(RpcFailureKind.HttpStatus, method, endpoint.Redacted, $"{(int)status} {status}{Hint(status)}", status, innerException: unknown),
        RpcClientUnknownException { InnerException: HttpRequestException or IOException } unknown =>
            new(RpcFailureKind.Network, method, endpoint.Redacted, endpoint.Scrub(unknown.InnerException!.Message), innerException: unknown),
        RpcClientUnknownException { InnerException: Newtonsoft.Json.JsonException } unknown =>
            new(RpcFailureKind.MalformedResponse, method, endpoint.Redacted, $"the answer is not a JSON-RPC response ({endpoint.Scrub(unknown.InnerException!.Message)})", innerException: unknown),
        RpcClientUnknownException unknown =>
            new(RpcFailureKind.Network, method, endpoint.Redacted, endpoint.Scrub(unknown.InnerException?.Message ?? unknown.Message), innerException: unknown),
        _ => null,
    };

    private static string Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => " (the provider refused the credentials: check the key or user:password in the URL)",
        HttpStatusCode.TooManyRequests => " (rate limited: slow down or use a plan with a higher limit)",
        HttpStatusCode.NotFound => " (no JSON-RPC service at this path: check the URL)",
        _ => string.Empty,
    };
}
