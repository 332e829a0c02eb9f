namespace CollabInsights.Anomalies.Evaluation;

/// <summary>The evaluation of one labelled dataset: per-kind rule metrics and the ranking metrics of the ML detector and its peers.</summary>
public sealed record EvaluationRun(string Name, int Payments, int Labels, IReadOnlyList<KindMetrics> Rules, IReadOnlyList<RankingMetrics> Ranking);
