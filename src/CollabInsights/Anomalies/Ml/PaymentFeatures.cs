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
        "log_price_vs_peers",
        "days_after_period_end",
        "payments_same_obligation",
        "payments_within_30_days",
        "recipient_share_of_payer",
        "log_amount_vs_project_median",
        "covered_by_result",
    ];

    /// <summary>What each feature means, for explanations.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        ["log_amount"] = "payment amount",
        ["share_of_commitment"] = "share of the payer's commitment",
        ["log_paid_vs_price_x_outcomes"] = "amount paid against price x outcomes achieved",
        ["log_price_vs_peers"] = "contract price against comparable metrics",
        ["days_after_period_end"] = "days between period end and payment",
        ["payments_same_obligation"] = "payments for the same metric and period",
        ["payments_within_30_days"] = "payments by the payer to the project within 30 days",
        ["recipient_share_of_payer"] = "recipient's share of the payer's payments",
        ["log_amount_vs_project_median"] = "amount against the project's median payment",
        ["covered_by_result"] = "whether a result covers the payment",
    };
}
