using System.Text.Json.Serialization;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>One detector at one strength: mean ROC AUC and mean recall at k (share of the planted rows among the k top-scored rows, k = planted rows) over the seeds.</summary>
public sealed record StrengthDetectorResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("roc_auc")] double RocAuc,
    [property: JsonPropertyName("recall_at_k")] double RecallAtK);
