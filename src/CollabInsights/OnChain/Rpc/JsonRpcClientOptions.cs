namespace CollabInsights.OnChain.Rpc;

/// <summary>Options of <see cref="JsonRpcClient"/>.</summary>
public sealed record JsonRpcClientOptions
{
    /// <summary>How long one HTTP request may take before it fails with <see cref="RpcFailureKind.Timeout"/>. Default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra HTTP headers sent with every request (e.g. an API key header). Values are never logged.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
