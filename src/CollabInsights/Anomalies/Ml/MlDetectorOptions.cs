namespace CollabInsights.Anomalies.Ml;

/// <summary>Options of <see cref="MlAnomalyDetector"/>.</summary>
/// <param name="Seed">Seed of ML.NET's k-means initialisation (default 1).</param>
/// <param name="Clusters">Number of k-means clusters (default 6, chosen by measurement on generated scenarios, seeds 1-5 and 42 at 20 and 40 projects: 4 clusters gave a lower mean ROC AUC on subtle anomalies, 8 about the same as 6).</param>
/// <param name="FlagShare">Share of payments, highest ranked first, reported as <c>ml_outlier</c> flags (default 0.02).</param>
/// <param name="TopFeatures">Contributing features named in each explanation (default 3).</param>
/// <param name="MinClusterShare">Clusters holding less than this share of payments are treated as groups of anomalies, not as normal behaviour: distances are measured to the larger clusters only (default 0.05).</param>
public sealed record MlDetectorOptions(int Seed = 1, int Clusters = 6, double FlagShare = 0.02, int TopFeatures = 3, double MinClusterShare = 0.05);
