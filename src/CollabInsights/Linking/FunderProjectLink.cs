namespace CollabInsights.Linking;

/// <summary>
/// What one funder committed to one project and what it paid, in one currency: the commitment view of
/// the links (commitments are made per project, not per metric).
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="ProjectName">The project's name, when the project is known.</param>
/// <param name="PolicySector">The project's policy sector.</param>
/// <param name="FunderId">Organisation id, comma-joined ids of joint payers, fund id, or <c>(unattributed)</c>.</param>
/// <param name="FunderName">Names of the funder.</param>
/// <param name="FunderKind">Organisation, joint organisations, outcome fund or unattributed.</param>
/// <param name="Attribution">How rows were attributed to the funder.</param>
/// <param name="Currency">ISO 4217 currency of every amount in the row.</param>
/// <param name="MaxCommitted">Sum of the funder's maximum potential outcome payments to the project; null when no commitment gives an amount.</param>
/// <param name="MaxCommittedUsd">The same in USD as the data gives it; null unless every commitment has it.</param>
/// <param name="PaidActual">Sum of actual payments (all metrics, and payments tied to none).</param>
/// <param name="PaidActualUsd">USD as given; null unless every payment has it.</param>
/// <param name="Planned">Sum of planned payments, all periods.</param>
/// <param name="PlannedDue">Planned payments for periods ending on or before the as-of date.</param>
/// <param name="ActualMinusPlannedDue">PaidActual - PlannedDue.</param>
/// <param name="ShareOfCommitmentPaid">PaidActual / MaxCommitted.</param>
/// <param name="ReportedPaid">Sum of "total outcome payments made" that the commitments report themselves (a cross-check of PaidActual).</param>
/// <param name="Provenance">Every input row behind the figures (commitments, payments, fund membership), as <c>file:row</c>.</param>
public sealed record FunderProjectLink(
    string ProjectId,
    string? ProjectName,
    string? PolicySector,
    string FunderId,
    string FunderName,
    FunderKind FunderKind,
    string Attribution,
    string Currency,
    decimal? MaxCommitted,
    decimal? MaxCommittedUsd,
    decimal PaidActual,
    decimal? PaidActualUsd,
    decimal Planned,
    decimal PlannedDue,
    decimal ActualMinusPlannedDue,
    decimal? ShareOfCommitmentPaid,
    decimal? ReportedPaid,
    IReadOnlyList<string> Provenance)
{
    /// <summary>The currency the row was also converted to on request (<see cref="FundingLinkOptions.ConvertTo"/>); null when not converting.</summary>
    public string? ConvertedTo { get; init; }

    /// <summary>MaxCommitted converted by each commitment's period year; null unless every commitment amount could be converted.</summary>
    public decimal? MaxCommittedConverted { get; init; }

    /// <summary>PaidActual converted to <see cref="ConvertedTo"/> by each payment's year; null unless every payment could be converted.</summary>
    public decimal? PaidActualConverted { get; init; }

    /// <summary>PlannedDue converted to <see cref="ConvertedTo"/>; null unless every due planned payment could be converted.</summary>
    public decimal? PlannedDueConverted { get; init; }

    /// <summary>How the row was converted: the rates used per year (their rows are in <see cref="Provenance"/>), or why not.</summary>
    public string? Conversion { get; init; }
}
