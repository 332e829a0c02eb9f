using System.Text.Json.Serialization;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>
/// Every detector's ROC AUC and recall at k (k = planted anomalies), averaged over the seeds, at one planted strength, and
/// <see cref="ChanceStandardError"/>: the standard error of a detector that ranks at random (Hanley and McNeil 1982, at ROC AUC 0.5:
/// sqrt((P + N + 1) / (12 P N)) for P planted and N ordinary rows, divided by the square root of the number of seeds). Two detectors whose
/// ROC AUC differ by less than twice it are not told apart by the sweep.
/// </summary>
public sealed record StrengthResult(
    [property: JsonPropertyName("strength")] double Strength,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("anomalies")] int Anomalies,
    [property: JsonPropertyName("detectors")] IReadOnlyList<StrengthDetectorResult> Detectors,
    [property: JsonPropertyName("chance_se")] double ChanceStandardError);
