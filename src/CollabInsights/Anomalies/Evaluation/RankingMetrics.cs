namespace CollabInsights.Anomalies.Evaluation;

/// <summary>How well a scoring detector ranks labelled payments above clean ones: ROC AUC, and precision among the top <see cref="K"/> (K = number of positives).</summary>
public sealed record RankingMetrics(string Detector, string Target, int Positives, int Negatives, double RocAuc, int K, double PrecisionAtK);
