namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="PaidBeforePeriodEndRule"/>.</summary>
/// <param name="GraceDays">Days before the period's last day that a payment may still be made without a flag (default 0).</param>
public sealed record PaidBeforePeriodEndOptions(int GraceDays = 0);
