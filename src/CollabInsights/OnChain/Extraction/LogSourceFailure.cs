namespace CollabInsights.OnChain.Extraction;

/// <summary>How a log source request failed, as far as the source can tell; the extractor also reads the message for range-limit hints.</summary>
public enum LogSourceFailure
{
    /// <summary>The node answered with a JSON-RPC error; <see cref="LogSourceException.RpcCode"/> and the message tell more.</summary>
    RpcError,

    /// <summary>HTTP 429 or a JSON-RPC rate-limit error: retry later and slow down.</summary>
    RateLimited,

    /// <summary>HTTP 5xx, connection reset, timeout or a truncated/unparseable body: retry.</summary>
    Transient,

    /// <summary>No answer in time: retried with a smaller block range.</summary>
    Timeout,

    /// <summary>Anything that retrying will not fix (bad request, unauthorised, wrong URL).</summary>
    Fatal,
}
