using CollabInsights.Domain;

namespace CollabInsights.Carbon.Bridge;

/// <summary>
/// Tokens retired (burnt) on a bridge for a beneficiary (<c>TokensRetired</c>): retirement <paramref name="RetirementId"/> of
/// the bridge at <paramref name="Bridge"/> on chain <paramref name="ChainId"/>, <paramref name="Quantity"/> tonnes of batch
/// <paramref name="BatchId"/>, claiming the serials <paramref name="Serial"/>.
/// </summary>
public sealed record TokenRetirement(
    long ChainId,
    string Bridge,
    long RetirementId,
    long BatchId,
    string Holder,
    long Quantity,
    SerialRange Serial,
    string Beneficiary,
    ChainProvenance Provenance)
{
    /// <summary>The retirement's key in flags: <c>chain ID bridge ADDRESS retirement N</c>.</summary>
    public string Key => BridgeKeys.Retirement(ChainId, Bridge, RetirementId);
}
