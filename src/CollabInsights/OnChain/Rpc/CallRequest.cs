using System.Numerics;

namespace CollabInsights.OnChain.Rpc;

/// <summary>A call or transaction to estimate: sender, recipient (null to deploy), value in wei, call data.</summary>
public sealed record CallRequest(string? From, string? To, byte[] Data)
{
    /// <summary>Wei sent with the call. Default 0.</summary>
    public BigInteger Value { get; init; }

    /// <summary>Gas limit for the call; null lets the node choose.</summary>
    public long? Gas { get; init; }

    internal Dictionary<string, object?> ToJson()
    {
        var call = new Dictionary<string, object?> { ["data"] = Data };
        if (From is not null)
        {
            call["from"] = From;
        }

        if (To is not null)
        {
            call["to"] = To;
        }

        if (!Value.IsZero)
        {
            call["value"] = Value;
        }

        if (Gas is { } gas)
        {
            call["gas"] = new BigInteger(gas);
        }

        return call;
    }
}
