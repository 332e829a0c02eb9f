namespace CollabInsights.Domain;

/// <summary>Whether a payment row is planned or actually made; INDIGO rows sometimes leave it empty.</summary>
public enum PaymentType
{
    Unspecified,
    Planned,
    Actual,
}

/// <summary>
/// A payment for outcomes from a payer to a recipient for a metric and period
/// (INDIGO <c>projects_outcome_payments.csv</c>; on chain, a payment event).
/// </summary>
public sealed record OutcomePayment(
    string ProjectId,
    string? MetricId,
    PartialDate? PeriodStart,
    PartialDate? PeriodEnd,
    string? PayerId,
    string? RecipientId,
    PaymentType Type,
    Money? Amount,
    decimal? AmountUsd,
    DateTimeOffset? PaidAt,
    Provenance Provenance);
