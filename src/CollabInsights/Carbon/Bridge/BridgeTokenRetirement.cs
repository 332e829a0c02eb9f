using System.Text.Json.Serialization;

namespace CollabInsights.Carbon.Bridge;

/// <summary>
/// Tonnes of a minted batch to retire on chain for a beneficiary: batch <paramref name="Batch"/> (1-based, in plan order
/// within its <paramref name="Chain"/> and <paramref name="Bridge"/>), retired by the batch's holder. The contract burns the
/// tokens and claims the batch's next <paramref name="Quantity"/> serials.
/// </summary>
public sealed record BridgeTokenRetirement(
    [property: JsonPropertyName("chain")] string Chain,
    [property: JsonPropertyName("bridge")] string Bridge,
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("quantity")] long Quantity,
    [property: JsonPropertyName("beneficiary")] string Beneficiary);
