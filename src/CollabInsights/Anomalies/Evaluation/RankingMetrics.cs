namespace CollabInsights.Anomalies.Evaluation;

/// <summary>
/// How well a scoring detector ranks labelled payments above clean ones: ROC AUC, and precision among the top <see cref="K"/> (K = number of positives).
/// <see cref="RocAuc"/> is null when there are no positives or no negatives, <see cref="PrecisionAtK"/> when there are no positives: nothing to score.
/// </summary>
public sealed record RankingMetrics(string Detector, string Target, int Positives, int Negatives, double? RocAuc, int K, double? PrecisionAtK);
