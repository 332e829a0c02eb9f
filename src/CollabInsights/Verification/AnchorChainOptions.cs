namespace CollabInsights.Verification;

/// <summary>Where and as whom <see cref="DatasetAnchor"/> writes a root on chain.</summary>
public sealed record AnchorChainOptions
{
    /// <summary>Anvil's first development key, the default sender on a local chain.</summary>
    public const string AnvilFirstKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    /// <summary>The outcome ledger to anchor on; default (null) deploys a new one with the sender as admin and commissioner.</summary>
    public string? LedgerAddress { get; init; }

    /// <summary>The ledger project the dataset belongs to (registered by the sender when it is not yet); default <c>dataset</c>.</summary>
    public string ProjectId { get; init; } = "dataset";

    /// <summary>Private key (hex) of the sender: the project's commissioner or an approved validator. Default: <see cref="AnvilFirstKey"/>.</summary>
    public string SenderKey { get; init; } = AnvilFirstKey;

    /// <summary>Where readers can find the dataset, written into the anchor event; default: <c>collab-anchor:</c> and the root.</summary>
    public string? Uri { get; init; }
}
