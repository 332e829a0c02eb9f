using CollabInsights.Anomalies.Ml;
using CollabInsights.Anomalies.Rules;

namespace CollabInsights.Anomalies;

/// <summary>Options of <see cref="AnomalyDetection"/>.</summary>
/// <param name="Rules">Rule options (default: each rule's documented defaults).</param>
/// <param name="Ml">ML detector options (default <see cref="MlDetectorOptions"/>); null with <paramref name="UseMl"/> false skips it.</param>
/// <param name="UseMl">Add <c>ml_outlier</c> flags for the top-ranked payments (default true).</param>
public sealed record AnomalyDetectionOptions(AnomalyRuleOptions? Rules = null, MlDetectorOptions? Ml = null, bool UseMl = true);
