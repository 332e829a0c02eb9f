namespace CollabInsights.OnChain.Rpc;

/// <summary>
/// An <c>eth_getLogs</c> filter: an inclusive block range, optional contract addresses (any of),
/// and topic positions (each null for any, or a list of alternatives).
/// </summary>
public sealed record LogFilter(BlockParameter FromBlock, BlockParameter ToBlock)
{
    /// <summary>Contract addresses to match (any of); null or empty for all.</summary>
    public IReadOnlyList<string>? Addresses { get; init; }

    /// <summary>Topic filters by position (0 = event signature); a null position matches anything.</summary>
    public IReadOnlyList<IReadOnlyList<string>?>? Topics { get; init; }

    internal Dictionary<string, object?> ToJson()
    {
        var filter = new Dictionary<string, object?>
        {
            ["fromBlock"] = FromBlock.ToString(),
            ["toBlock"] = ToBlock.ToString(),
        };
        if (Addresses is { Count: > 0 })
        {
            filter["address"] = Addresses.Count == 1 ? Addresses[0] : Addresses.ToList();
        }

        if (Topics is { Count: > 0 })
        {
            filter["topics"] = Topics.Select(t => t is null ? null : (object)t.ToList()).ToList();
        }

        return filter;
    }
}
