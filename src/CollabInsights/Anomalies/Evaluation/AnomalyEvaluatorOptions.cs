using CollabInsights.Anomalies.Ml;
using CollabInsights.Anomalies.Rules;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>Options of <see cref="AnomalyEvaluator"/>.</summary>
/// <param name="Rules">Rule options (default: each rule's defaults).</param>
/// <param name="Ml">ML detector options (default <see cref="MlDetectorOptions"/>).</param>
/// <param name="RunIsolationForest">Also score with scikit-learn's IsolationForest in the same run (default true).</param>
/// <param name="Python">Interpreter with scikit-learn (default <see cref="IsolationForestPeer.DefaultPython"/>).</param>
public sealed record AnomalyEvaluatorOptions(AnomalyRuleOptions? Rules = null, MlDetectorOptions? Ml = null, bool RunIsolationForest = true, string? Python = null);
