namespace CollabInsights.Domain;

/// <summary>
/// Outcomes achieved for a metric over a period, as reported or attested by a validator
/// (INDIGO <c>projects_results.csv</c>; on chain, an attestation event).
/// </summary>
public sealed record OutcomeResult(
    string ProjectId,
    string? MetricId,
    string? ResultType,
    PartialDate? PeriodStart,
    PartialDate? PeriodEnd,
    decimal? OutcomesAchieved,
    decimal? NumberEngaged,
    string? Validator,
    string? EvidenceHash,
    Provenance Provenance)
{
    /// <summary>People with a positive social outcome (INDIGO's optional <c>Number with Positive social outcomes</c>), a count that cannot exceed <see cref="NumberEngaged"/>; null when not reported.</summary>
    public decimal? NumberWithPositiveOutcomes { get; init; }
}
