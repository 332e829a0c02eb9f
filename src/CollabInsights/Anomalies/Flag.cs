using System.Text.Json.Serialization;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies;

/// <summary>
/// One anomaly found in a dataset: which rule (or the ML detector) raised it, the project, the exact
/// source row (<see cref="File"/> + <see cref="Row"/>) or chain event (<see cref="Tx"/> + <see cref="LogIndex"/>),
/// a severity <see cref="Score"/> in 0..1, and a <see cref="Reason"/> in plain words with the numbers.
/// </summary>
public sealed record Flag(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("project")] string? Project,
    [property: JsonPropertyName("file")] string? File,
    [property: JsonPropertyName("row")] int? Row,
    [property: JsonPropertyName("tx")] string? Tx,
    [property: JsonPropertyName("log_index")] int? LogIndex,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("reason")] string Reason)
{
    /// <summary>Builds a flag located by <paramref name="provenance"/> (a file row or a chain event); the score is clamped to 0..1.</summary>
    public static Flag At(string kind, string? project, Provenance provenance, double score, string reason)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var s = double.IsFinite(score) ? Math.Clamp(score, 0, 1) : 0;
        s = Math.Round(s, 4);
        return provenance switch
        {
            FileProvenance f => new Flag(kind, project, f.File, f.Row, null, null, s, reason),
            ChainProvenance c => new Flag(kind, project, null, null, c.TxHash, c.LogIndex, s, reason),
            _ => new Flag(kind, project, provenance.Describe(), null, null, null, s, reason),
        };
    }

    /// <summary>The key of the record the flag points at (<c>file:row</c> or <c>tx:log_index</c>), as in <see cref="RecordKey.Of"/>.</summary>
    [JsonIgnore]
    public string Key => File is not null ? $"{File}:{Row}" : $"{Tx}:{LogIndex}";
}
