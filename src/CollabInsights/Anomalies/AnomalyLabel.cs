using System.Text.Json.Serialization;

namespace CollabInsights.Anomalies;

/// <summary>
/// Ground truth for one injected anomaly: its <see cref="Kind"/>, the <see cref="RecordKey"/> of the record a
/// correct detector points at (<c>file:row</c>), the project, whether it is a subtle case, and what was changed.
/// </summary>
public sealed record AnomalyLabel(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("record")] string RecordKey,
    [property: JsonPropertyName("project")] string Project,
    [property: JsonPropertyName("subtle")] bool Subtle,
    [property: JsonPropertyName("detail")] string Detail);
