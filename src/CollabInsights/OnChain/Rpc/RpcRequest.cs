namespace CollabInsights.OnChain.Rpc;

/// <summary>One JSON-RPC call: the method and its positional parameters (strings, numbers, booleans, dictionaries, lists; serialised with System.Text.Json).</summary>
public sealed record RpcRequest(string Method, IReadOnlyList<object?> Params)
{
    /// <summary>A request with the given parameters.</summary>
    public static RpcRequest Create(string method, params object?[] parameters) => new(method, parameters);
}
