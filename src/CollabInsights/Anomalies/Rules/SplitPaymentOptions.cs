namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="SplitPaymentRule"/>.</summary>
/// <param name="ApprovalThreshold">Amount (in the payment's currency) above which a payment needs extra approval (default 100,000).</param>
/// <param name="ThresholdsByCurrency">Per-currency thresholds overriding <paramref name="ApprovalThreshold"/> (default none).</param>
/// <param name="Band">How far below the threshold counts as "just under", as a share of it (default 0.10: from 90% of the threshold up to it).</param>
/// <param name="MinCount">Fewest such payments forming a burst (default 2).</param>
/// <param name="WindowDays">Days within which the burst is made (default 31); the payment time is its paid-at time or else its period end.</param>
/// <param name="SameMetricOnly">Only payments for the same metric and period count together, i.e. one obligation split up (default true).</param>
public sealed record SplitPaymentOptions(
    decimal ApprovalThreshold = 100_000m,
    IReadOnlyDictionary<string, decimal>? ThresholdsByCurrency = null,
    decimal Band = 0.10m,
    int MinCount = 2,
    int WindowDays = 31,
    bool SameMetricOnly = true);
