using System.Text.Json.Serialization;

namespace CollabInsights.Scenarios;

/// <summary>
/// A difference between chain and registry planted in a generated bridge scenario: its kind (a
/// <c>BridgeFlagKinds</c> value), for double bridges the scope, the record reconciliation should flag
/// (<paramref name="Subject"/>) and, for pairs, the other record (<paramref name="Related"/>), and what was planted.
/// </summary>
public sealed record BridgePlantedDifference(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("subject")] BridgeRecordRef Subject,
    [property: JsonPropertyName("related")] BridgeRecordRef? Related,
    [property: JsonPropertyName("note")] string Note);
