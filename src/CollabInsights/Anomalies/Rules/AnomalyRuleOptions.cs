namespace CollabInsights.Anomalies.Rules;

/// <summary>The options of every rule in one record; each defaults to its rule's documented defaults.</summary>
public sealed record AnomalyRuleOptions
{
    /// <summary>Options of <c>payment_exceeds_commitment</c>.</summary>
    public PaymentExceedsCommitmentOptions PaymentExceedsCommitment { get; init; } = new();

    /// <summary>Options of <c>duplicate_payment</c>.</summary>
    public DuplicatePaymentOptions DuplicatePayment { get; init; } = new();

    /// <summary>Options of <c>payment_without_result</c>.</summary>
    public PaymentWithoutResultOptions PaymentWithoutResult { get; init; } = new();

    /// <summary>Options of <c>paid_before_period_end</c>.</summary>
    public PaidBeforePeriodEndOptions PaidBeforePeriodEnd { get; init; } = new();

    /// <summary>Options of <c>self_validation</c>.</summary>
    public SelfValidationOptions SelfValidation { get; init; } = new();

    /// <summary>Options of <c>results_inconsistent</c>.</summary>
    public ResultsInconsistentOptions ResultsInconsistent { get; init; } = new();

    /// <summary>Options of <c>price_outlier</c>.</summary>
    public PriceOutlierOptions PriceOutlier { get; init; } = new();

    /// <summary>Options of <c>split_payment</c>.</summary>
    public SplitPaymentOptions SplitPayment { get; init; } = new();

    /// <summary>Options of <c>invalid_value</c>.</summary>
    public InvalidValueOptions InvalidValue { get; init; } = new();

    /// <summary>Rule kinds to run (default null: all of <see cref="FlagKinds.Rules"/>).</summary>
    public IReadOnlyCollection<string>? Kinds { get; init; }
}
