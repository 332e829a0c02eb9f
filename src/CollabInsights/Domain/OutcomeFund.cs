namespace CollabInsights.Domain;

/// <summary>A pool of money from several funders paying for outcomes across projects (INDIGO <c>funds.csv</c>).</summary>
public sealed record OutcomeFund(string Id, string Name, string? Stage, string? Country, Money? ActualValue, decimal? ActualValueUsd, Provenance Provenance);

/// <summary>A project's membership of an outcome fund (INDIGO <c>projects_outcome_funds.csv</c>).</summary>
public sealed record ProjectOutcomeFund(string ProjectId, string FundId, Provenance Provenance);
