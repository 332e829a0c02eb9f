using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Ml;

/// <summary>
/// The ML detector's verdict on one payment: the raw score (squared distance to the nearest k-means centre in
/// robust-scaled feature space), the calibrated <see cref="Rank"/> in 0..1 (share of payments scoring lower),
/// and the features contributing most.
/// </summary>
public sealed record PaymentScore(string Key, string Project, Provenance Provenance, double RawScore, double Rank, IReadOnlyList<FeatureContribution> TopFeatures);
