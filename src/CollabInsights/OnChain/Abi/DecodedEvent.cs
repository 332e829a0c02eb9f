namespace CollabInsights.OnChain.Abi;

/// <summary>An event log decoded with its ABI entry; parameters are in declaration order.</summary>
public sealed record DecodedEvent(AbiEvent Event, IReadOnlyList<DecodedEventParameter> Parameters)
{
    /// <summary>The value of the parameter named <paramref name="name"/>; throws when there is none.</summary>
    public object? this[string name] =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal)) is { } p
            ? p.Value
            : throw new KeyNotFoundException($"Event {Event.Signature} has no parameter named '{name}'.");

    /// <summary>The value of the parameter named <paramref name="name"/> converted to <typeparamref name="T"/>.</summary>
    public T Get<T>(string name) => (T)this[name]!;
}
