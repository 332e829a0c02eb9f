using System.Text.Json.Serialization;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>Every detector's result on one labelled dataset: its name, rows and labelled anomalies.</summary>
public sealed record DatasetResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("anomalies")] int Anomalies,
    [property: JsonPropertyName("detectors")] IReadOnlyList<DetectorResult> Detectors);
