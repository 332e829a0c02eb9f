namespace CollabInsights.Carbon.Bridge;

/// <summary>The findings of <see cref="BridgeReconciler"/>, each a rule with its reason.</summary>
public static class BridgeFlagKinds
{
    /// <summary>A minted batch whose serials no bridge-tagged registry retirement holds: the tokens have no retired credits behind them.</summary>
    public const string UnbackedBatch = "unbacked_batch";

    /// <summary>A batch whose serials equal one tagged registry retirement's, with a different quantity.</summary>
    public const string QuantityMismatch = "quantity_mismatch";

    /// <summary>A batch whose serials overlap tagged registry retirements but equal none of them.</summary>
    public const string SerialMismatch = "serial_mismatch";

    /// <summary>A batch whose serials equal those of two or more tagged registry retirements (the registry retired the block twice).</summary>
    public const string AmbiguousBacking = "ambiguous_backing";

    /// <summary>Two batches share serials: the same credits bridged twice (scope <c>same_bridge</c>, <c>two_bridges</c> or <c>two_chains</c>).</summary>
    public const string DoubleBridge = "double_bridge";

    /// <summary>A token retirement claims serials another claim also holds: another token retirement, or a registry retirement without the bridge tag.</summary>
    public const string DoubleClaim = "double_claim";

    /// <summary>A bridge-tagged registry retirement that no batch's serials touch: retired for a bridge, never minted.</summary>
    public const string TaggedNotMinted = "tagged_not_minted";

    /// <summary>Every kind, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [UnbackedBatch, QuantityMismatch, SerialMismatch, AmbiguousBacking, DoubleBridge, DoubleClaim, TaggedNotMinted];
}
