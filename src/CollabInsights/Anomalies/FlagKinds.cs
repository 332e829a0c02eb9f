namespace CollabInsights.Anomalies;

/// <summary>The names of the anomaly kinds a <see cref="Flag"/> can carry: one per rule, plus <see cref="MlOutlier"/>.</summary>
public static class FlagKinds
{
    /// <summary>Actual payments by a payer to a project exceed that payer's maximum potential outcome payment.</summary>
    public const string PaymentExceedsCommitment = "payment_exceeds_commitment";

    /// <summary>The same project, payer, recipient, metric, period and amount paid more than once.</summary>
    public const string DuplicatePayment = "duplicate_payment";

    /// <summary>An actual payment for a metric and period that no result or attestation covers.</summary>
    public const string PaymentWithoutResult = "payment_without_result";

    /// <summary>A payment made (time known) before the period it pays for had ended.</summary>
    public const string PaidBeforePeriodEnd = "paid_before_period_end";

    /// <summary>The validator of a result is the recipient of the payments or the provider.</summary>
    public const string SelfValidation = "self_validation";

    /// <summary>Impossible result figures (more outcomes than people engaged, negative counts, period ending before it starts).</summary>
    public const string ResultsInconsistent = "results_inconsistent";

    /// <summary>A price per outcome far from the prices of comparable metrics (robust z-score).</summary>
    public const string PriceOutlier = "price_outlier";

    /// <summary>Several payments just under an approval threshold for the same obligation within a short window.</summary>
    public const string SplitPayment = "split_payment";

    /// <summary>A value the loader could not use, surfaced as a flag.</summary>
    public const string InvalidValue = "invalid_value";

    /// <summary>A payment the unsupervised ML detector ranks as unusual, without a rule naming why.</summary>
    public const string MlOutlier = "ml_outlier";

    /// <summary>True for the kinds that are data-quality findings (<see cref="InvalidValue"/>), reported apart from anomaly flags.</summary>
    public static bool IsDataQuality(string kind) => string.Equals(kind, InvalidValue, StringComparison.Ordinal);

    /// <summary>Every rule kind, in a stable order.</summary>
    public static IReadOnlyList<string> Rules { get; } =
    [
        PaymentExceedsCommitment, DuplicatePayment, PaymentWithoutResult, PaidBeforePeriodEnd, SelfValidation,
        ResultsInconsistent, PriceOutlier, SplitPayment, InvalidValue,
    ];
}
