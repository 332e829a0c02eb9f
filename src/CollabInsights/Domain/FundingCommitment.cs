namespace CollabInsights.Domain;

/// <summary>
/// A funding source's commitment to pay for a project's outcomes, up to a maximum
/// (INDIGO <c>projects_outcome_payment_commitments.csv</c>). <see cref="OrganisationId"/> is the
/// funder (an outcome payer); the commitment may also report payments made so far.
/// </summary>
public sealed record FundingCommitment(
    string ProjectId,
    string? OrganisationId,
    OrganisationRole Role,
    Money? MaxPotentialPayment,
    decimal? MaxPotentialPaymentUsd,
    PartialDate? PeriodStart,
    PartialDate? PeriodEnd,
    Money? TotalPaymentsMade,
    decimal? TotalPaymentsMadeUsd,
    Provenance Provenance);
