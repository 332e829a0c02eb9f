namespace CollabInsights.OnChain.Abi;

/// <summary>A named input or output of a function, event or error, or a component of a tuple. <see cref="Indexed"/> only matters for event inputs.</summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false)
{
    /// <summary>An unnamed parameter of the given type, e.g. <c>AbiParameter.Of("uint256")</c>.</summary>
    public static AbiParameter Of(string type, string name = "", bool indexed = false) => new(name, AbiType.Parse(type), indexed);
}
