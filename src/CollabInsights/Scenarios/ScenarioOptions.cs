namespace CollabInsights.Scenarios;

/// <summary>
/// What <see cref="ScenarioGenerator"/> generates. The same options give byte-identical files.
/// </summary>
public sealed record ScenarioOptions
{
    /// <summary>Seed of the random generator; default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Number of projects (impact bonds); default 20, at least 1.</summary>
    public int Projects { get; init; } = 20;

    /// <summary>Earliest year an outcomes contract is signed; default 2016.</summary>
    public int FirstYear { get; init; } = 2016;

    /// <summary>
    /// The date the scenario is observed: periods ending on or before it have results and actual payments,
    /// later periods only planned payments. Default 2025-03-31.
    /// </summary>
    public DateOnly AsOf { get; init; } = new(2025, 3, 31);

    /// <summary>Share of projects that belong to an outcome fund (the fund pays a top-up); default 0.35.</summary>
    public double FundShare { get; init; } = 0.35;

    /// <summary>Share of projects (not in a fund) with two outcome payers instead of one; default 0.3.</summary>
    public double JointPayerShare { get; init; } = 0.3;

    /// <summary>
    /// Share of the seedable actual payments and of the results that the chain records differently from the books,
    /// on purpose, spread evenly over the reconciliation classes (amount, period, counterparty, only on chain, only
    /// off chain), at least one of each when above zero and the scenario has enough distinct metrics; default 0.02.
    /// Listed in the ground truth as <see cref="ScenarioGroundTruth.ChainDifferences"/>; 0 makes the chain a copy of the books
    /// (rows the ledger cannot hold, such as a planted invalid value, are no difference: reconciliation lists them as <c>not_on_chain</c>).
    /// Drawn from its own random stream, so the CSV files do not depend on it.
    /// </summary>
    public double ChainDifferenceRate { get; init; } = 0.02;

    /// <summary>The defaults: seed 42, 20 projects.</summary>
    public static ScenarioOptions Default { get; } = new();

    internal void Validate()
    {
        if (Projects < 1)
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidArgument, $"A scenario needs at least 1 project (got ScenarioOptions.Projects = {Projects}).", "ScenarioOptions.Projects");
        }

        if (FirstYear < 1990 || FirstYear >= AsOf.Year)
        {
            throw new CollabInsightsException($"FirstYear {FirstYear} must be between 1990 and the year before AsOf ({AsOf.Year}).");
        }

        if (FundShare is < 0 or > 1 || JointPayerShare is < 0 or > 1)
        {
            throw new CollabInsightsException("FundShare and JointPayerShare are shares between 0 and 1.");
        }

        if (ChainDifferenceRate is < 0 or > 0.5 || double.IsNaN(ChainDifferenceRate))
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidArgument, $"ScenarioOptions.ChainDifferenceRate {ChainDifferenceRate} must be between 0 and 0.5 (for example 0.02).", "ScenarioOptions.ChainDifferenceRate");
        }
    }
}
