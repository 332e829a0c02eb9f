using System.Text.Json.Serialization;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>Every detector's ROC AUC and recall at k (k = planted anomalies), averaged over the seeds, at one planted strength.</summary>
public sealed record StrengthResult(
    [property: JsonPropertyName("strength")] double Strength,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("anomalies")] int Anomalies,
    [property: JsonPropertyName("detectors")] IReadOnlyList<StrengthDetectorResult> Detectors);
