namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="ResultsInconsistentRule"/>.</summary>
/// <param name="CheckAchievedAboveEngaged">Flag results with a count above the people engaged: outcomes achieved or people with positive outcomes (default true).</param>
/// <param name="CheckNegative">Flag negative counts (default true).</param>
/// <param name="CheckPeriodOrder">Flag periods that end before they start (default true).</param>
public sealed record ResultsInconsistentOptions(bool CheckAchievedAboveEngaged = true, bool CheckNegative = true, bool CheckPeriodOrder = true);
