using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Ml;

/// <summary>
/// The engineered features of one actual payment, as raw values (NaN where unknown) in the order of
/// <see cref="Names"/>: amount, share of commitment, price per outcome against the contract and against
/// peers, timing, payment frequency and counterparty concentration.
/// </summary>
public sealed record PaymentFeatures(OutcomePayment Payment, string Key, IReadOnlyList<double> Values)
{
    /// <summary>Feature names, in column order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "log_amount",
        "share_of_commitment",
        "log_paid_vs_price_x_outcomes",
        "log_paid_vs_payer_share",
        "log_price_vs_peers",
        "days_after_period_end",
        "payments_same_obligation",
        "payments_within_30_days",
        "recipient_share_of_payer",
        "log_amount_vs_project_median",
        "covered_by_result",
    ];

    /// <summary>
    /// Smallest spread the <see cref="RobustScaler"/> may use per feature, in the feature's own unit: 0.05 (about 5%) for the
    /// logs, ratios and shares, so a feature that is constant up to cent rounding does not turn rounding into distance; none for
    /// days, counts and the 0/1 coverage, whose smallest step is already meaningful.
    /// </summary>
    public static IReadOnlyList<double> MinimumScales { get; } = [0.05, 0.05, 0.01, 0.01, 0.05, 0, 0, 0, 0.05, 0.05, 0];

    /// <summary>What each feature means, for explanations.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        ["log_amount"] = "payment amount",
        ["share_of_commitment"] = "share of the payer's commitment",
        ["log_paid_vs_price_x_outcomes"] = "excess of what all payers paid for the metric and period over price x outcomes achieved",
        ["log_paid_vs_payer_share"] = "excess of the amount over price x outcomes x the payer's share of the commitments",
        ["log_price_vs_peers"] = "excess of the contract price over comparable metrics",
        ["days_after_period_end"] = "days between period end and payment",
        ["payments_same_obligation"] = "payments for the same metric and period",
        ["payments_within_30_days"] = "payments by the payer to the project within 30 days",
        ["recipient_share_of_payer"] = "recipient's share of the payer's payments",
        ["log_amount_vs_project_median"] = "amount against the project's median payment",
        ["covered_by_result"] = "whether a result covers the payment",
    };

    /// <summary>
    /// Why a feature can be unknown (NaN) for a payment, for explanations: the scaler scores an unknown value as the feature's
    /// median, which can still lie some way from the nearest cluster centre and so add to the score.
    /// </summary>
    public static IReadOnlyDictionary<string, string> UnknownDescriptions { get; } = new Dictionary<string, string>
    {
        ["log_amount"] = "the amount is not positive",
        ["share_of_commitment"] = "no commitment by this payer in this currency",
        ["log_paid_vs_price_x_outcomes"] = "no price in this currency or no outcomes achieved in the period",
        ["log_paid_vs_payer_share"] = "no price x outcomes or no payer's share of the commitments to compare",
        ["log_price_vs_peers"] = "no comparable metrics, as fewer than 3 prices share its definition or sector",
        ["days_after_period_end"] = "no payment date or period end",
        ["payments_within_30_days"] = "no payment date",
        ["recipient_share_of_payer"] = "the payer's payments total 0",
        ["log_amount_vs_project_median"] = "the amount or the project's median payment is not positive",
        ["payments_same_obligation"] = "not computable",
        ["covered_by_result"] = "not computable",
    };
}
