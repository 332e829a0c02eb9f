using System.Text.Json.Serialization;

namespace CollabInsights.Carbon.Bridge;

/// <summary>
/// Chain against registry: the counts of what was compared (batches minted, batches backed by exactly one tagged
/// registry retirement of the same serials and quantity, tagged registry retirements, token retirements) and every
/// <see cref="BridgeFlag"/>, with counts per kind.
/// </summary>
public sealed record BridgeReconciliation(
    [property: JsonPropertyName("batches")] int Batches,
    [property: JsonPropertyName("batches_backed")] int BatchesBacked,
    [property: JsonPropertyName("tagged_retirements")] int TaggedRetirements,
    [property: JsonPropertyName("token_retirements")] int TokenRetirements,
    [property: JsonPropertyName("flags")] IReadOnlyList<BridgeFlag> Flags)
{
    /// <summary>Flags per kind, every kind of <see cref="BridgeFlagKinds.All"/> listed.</summary>
    [JsonPropertyName("counts")]
    public IReadOnlyDictionary<string, int> Counts => BridgeFlagKinds.All.ToDictionary(k => k, k => Flags.Count(f => f.Kind == k), StringComparer.Ordinal);
}
