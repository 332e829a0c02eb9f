using System.Text.Json.Serialization;

namespace CollabInsights.Carbon.Bridge;

/// <summary>
/// One finding of chain-against-registry reconciliation: its <paramref name="Kind"/> (<see cref="BridgeFlagKinds"/>),
/// for double bridges the <paramref name="Scope"/> (<c>same_bridge</c>, <c>two_bridges</c>, <c>two_chains</c>), the record
/// it is about (<paramref name="Subject"/>, a <see cref="BridgeKeys"/> key) and the one it clashes with
/// (<paramref name="Related"/>), the project, why, and where the subject is (transaction hash, or registry file and row).
/// </summary>
public sealed record BridgeFlag(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("related")] string? Related,
    [property: JsonPropertyName("project")] string? Project,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("tx")] string? Tx,
    [property: JsonPropertyName("file")] string? File,
    [property: JsonPropertyName("row")] int? Row);
