using CollabInsights.OnChain.Anvil;

namespace CollabInsights.Carbon.Bridge;

/// <summary>Who writes the bridges: the operator that deploys them and mints, and the holders that retire tokens.</summary>
public sealed record BridgeSeedOptions
{
    /// <summary>The operator's private key (hex): deploys one <c>CarbonBridge</c> per bridge label and mints. Default: Anvil's first dev key.</summary>
    public string OperatorKey { get; init; } = AnvilNode.DevPrivateKeys[0];

    /// <summary>
    /// Holder keys (hex), indexed by <see cref="BridgeMint.Holder"/>; each needs gas to retire tokens. Default: Anvil's dev keys
    /// 2 to 10 (funded on a local Anvil).
    /// </summary>
    public IReadOnlyList<string> HolderKeys { get; init; } = AnvilNode.DevPrivateKeys.Skip(1).ToList();
}
