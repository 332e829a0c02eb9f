namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// Which logs to extract, as in <c>eth_getLogs</c>: emitting <see cref="Addresses"/> (empty = any)
/// and topic positions (each position null = any, otherwise any of the listed 32-byte topics).
/// </summary>
public sealed record EventFilter(IReadOnlyList<string> Addresses, IReadOnlyList<IReadOnlyList<string>?> Topics)
{
    /// <summary>All logs of the given contracts.</summary>
    public static EventFilter ForAddresses(params string[] addresses) => new(addresses, []);

    /// <summary>A stable text form (lower-case, sorted addresses) used to check that a checkpoint belongs to the same filter.</summary>
    public string Describe()
    {
        var addresses = string.Join(",", Addresses.Select(a => a.ToLowerInvariant()).Order(StringComparer.Ordinal));
        var topics = string.Join(";", Topics.Select(t => t is null ? "*" : string.Join("|", t.Select(x => x.ToLowerInvariant()).Order(StringComparer.Ordinal))));
        return $"addresses={addresses} topics={topics}";
    }
}
