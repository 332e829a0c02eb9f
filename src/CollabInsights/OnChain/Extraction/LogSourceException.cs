namespace CollabInsights.OnChain.Extraction;

/// <summary>A failed request to a <see cref="ILogSource"/>, with what the provider said (JSON-RPC code, HTTP status, message).</summary>
public sealed class LogSourceException : Exception
{
    public LogSourceException(string message, LogSourceFailure failure, int? rpcCode = null, int? httpStatus = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        RpcCode = rpcCode;
        HttpStatus = httpStatus;
        RetryAfter = retryAfter;
    }

    /// <summary>The kind of failure as classified by the source.</summary>
    public LogSourceFailure Failure { get; }

    /// <summary>The JSON-RPC error code (e.g. -32005 limit exceeded, -32602 invalid params), if any.</summary>
    public int? RpcCode { get; }

    /// <summary>The HTTP status code, if the failure came with one.</summary>
    public int? HttpStatus { get; }

    /// <summary>The provider's <c>Retry-After</c>, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
