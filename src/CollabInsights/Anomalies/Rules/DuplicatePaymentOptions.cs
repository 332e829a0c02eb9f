namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="DuplicatePaymentRule"/>.</summary>
/// <param name="IncludeUnspecifiedType">Also compare payment rows whose type is neither Planned nor Actual (default false: actual payments only).</param>
public sealed record DuplicatePaymentOptions(bool IncludeUnspecifiedType = false);
