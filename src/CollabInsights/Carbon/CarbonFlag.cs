using System.Text.Json.Serialization;

namespace CollabInsights.Carbon;

/// <summary>
/// One double-counting finding: the rule that raised it (<paramref name="Kind"/>, see <see cref="CarbonFlagKinds"/>), the
/// registry folder and project of the flagged record, where that record is (<paramref name="File"/> as <c>registry/file</c>,
/// <paramref name="Row"/> counted from 1 after the header), why, and the record it clashes with (<paramref name="Related"/>,
/// as <c>registry/file:row</c>).
/// </summary>
public sealed record CarbonFlag(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("registry")] string Registry,
    [property: JsonPropertyName("project")] string? Project,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("row")] int Row,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("related")] string? Related);
