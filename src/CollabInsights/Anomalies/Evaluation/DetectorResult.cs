using System.Text.Json.Serialization;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>One detector's ranking quality on one labelled dataset: ROC AUC and precision at k (k = number of anomalies).</summary>
public sealed record DetectorResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("roc_auc")] double? RocAuc,
    [property: JsonPropertyName("precision_at_k")] double? PrecisionAtK);
