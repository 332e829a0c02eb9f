namespace CollabInsights.Linking;

/// <summary>
/// What one funder paid for one outcome metric of one project, in one currency, against what the metric
/// achieved. <see cref="MetricId"/> is null for payments that INDIGO does not tie to a metric.
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="ProjectName">The project's name, when the project is known.</param>
/// <param name="PolicySector">The metric's policy sector, else the project's.</param>
/// <param name="FunderId">Organisation id, comma-joined ids of joint payers, fund id, or <c>(unattributed)</c>.</param>
/// <param name="FunderName">Names of the funder (joint payers joined with " + ").</param>
/// <param name="FunderKind">Organisation, joint organisations, outcome fund or unattributed.</param>
/// <param name="Attribution">How the payment rows were attributed to the funder (a named payer, or the rule used when the payer cell was empty).</param>
/// <param name="MetricId">The outcome metric, or null for payments not tied to a metric.</param>
/// <param name="MetricDefinition">What the metric counts.</param>
/// <param name="Currency">ISO 4217 currency of every amount in the row (never mixed).</param>
/// <param name="PricePerOutcome">Price per outcome of the metric in <paramref name="Currency"/>, when priced in it.</param>
/// <param name="MetricCap">Maximum payable for the metric if all targets are met (all funders together), in <paramref name="Currency"/>.</param>
/// <param name="PaidActual">Sum of actual payments.</param>
/// <param name="PaidActualUsd">Sum of the USD amounts the data gives for those payments; null unless every one has it.</param>
/// <param name="Planned">Sum of planned payments, all periods.</param>
/// <param name="PlannedDue">Sum of planned payments for periods ending on or before the as-of date.</param>
/// <param name="ActualMinusPlannedDue">PaidActual - PlannedDue: negative when payments fall behind plan.</param>
/// <param name="OutcomesAchieved">Outcomes achieved by the metric (all funders together): the sum of its Final results, or of all its results when none is Final.</param>
/// <param name="CostPerOutcome">PaidActual / OutcomesAchieved: this funder's cost per outcome (summing over funders gives the metric's).</param>
/// <param name="CostPerOutcomeUsd">PaidActualUsd / OutcomesAchieved.</param>
/// <param name="ShareOfCapPaid">PaidActual / MetricCap.</param>
/// <param name="PaymentRows">Number of payment rows (actual and planned) in the row.</param>
/// <param name="Provenance">Every input row behind the figures (payments, results, pricing, metric), as <c>file:row</c>.</param>
public sealed record FundingLink(
    string ProjectId,
    string? ProjectName,
    string? PolicySector,
    string FunderId,
    string FunderName,
    FunderKind FunderKind,
    string Attribution,
    string? MetricId,
    string? MetricDefinition,
    string Currency,
    decimal? PricePerOutcome,
    decimal? MetricCap,
    decimal PaidActual,
    decimal? PaidActualUsd,
    decimal Planned,
    decimal PlannedDue,
    decimal ActualMinusPlannedDue,
    decimal? OutcomesAchieved,
    decimal? CostPerOutcome,
    decimal? CostPerOutcomeUsd,
    decimal? ShareOfCapPaid,
    int PaymentRows,
    IReadOnlyList<string> Provenance)
{
    /// <summary>The currency the row was also converted to on request (<see cref="FundingLinkOptions.ConvertTo"/>); null when not converting.</summary>
    public string? ConvertedTo { get; init; }

    /// <summary>PaidActual converted to <see cref="ConvertedTo"/> by each payment's year; null unless every payment could be converted.</summary>
    public decimal? PaidActualConverted { get; init; }

    /// <summary>PlannedDue converted to <see cref="ConvertedTo"/>; null unless every due planned payment could be converted.</summary>
    public decimal? PlannedDueConverted { get; init; }

    /// <summary>How the row was converted: the rates used per year (their rows are in <see cref="Provenance"/>), or why not.</summary>
    public string? Conversion { get; init; }
}
