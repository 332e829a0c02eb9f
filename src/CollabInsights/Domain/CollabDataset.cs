namespace CollabInsights.Domain;

/// <summary>
/// Every record of one collaboration dataset (the INDIGO export, a generated scenario, or a
/// partner's books in the same layout). Lists keep source order.
/// </summary>
public sealed record CollabDataset(
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<Project> Projects,
    IReadOnlyList<OutcomeFund> Funds,
    IReadOnlyList<ProjectOutcomeFund> ProjectFunds,
    IReadOnlyList<FundingCommitment> Commitments,
    IReadOnlyList<Investment> Investments,
    IReadOnlyList<OutcomeMetric> Metrics,
    IReadOnlyList<OutcomePricing> Pricings,
    IReadOnlyList<OutcomeResult> Results,
    IReadOnlyList<OutcomePayment> Payments)
{
    /// <summary>A dataset with no records.</summary>
    public static CollabDataset Empty { get; } = new([], [], [], [], [], [], [], [], [], []);
}
