using CollabInsights.Domain;

namespace CollabInsights.Carbon.Bridge;

/// <summary>
/// A token batch minted on a bridge (<c>BatchMinted</c>): on chain <paramref name="ChainId"/>, by the bridge contract at
/// <paramref name="Bridge"/>, with id <paramref name="BatchId"/>, for the registry block it claims (registry, project,
/// vintage, <paramref name="Serial"/>, <paramref name="Quantity"/> in tonnes, and the registry row it names).
/// </summary>
public sealed record BridgedBatch(
    long ChainId,
    string Bridge,
    long BatchId,
    string Holder,
    string Registry,
    string ProjectId,
    int Vintage,
    SerialRange Serial,
    long Quantity,
    string RegistryRetirement,
    ChainProvenance Provenance)
{
    /// <summary>The batch's key in flags: <c>chain ID bridge ADDRESS batch N</c>.</summary>
    public string Key => BridgeKeys.Batch(ChainId, Bridge, BatchId);
}
