namespace CollabInsights.Domain;

/// <summary>An investor's pre-funding of a project (INDIGO <c>projects_investments.csv</c>).</summary>
public sealed record Investment(string ProjectId, string? Id, string? InvestorId, OrganisationRole Role, Money? Amount, decimal? AmountUsd, string? InvestmentType, Provenance Provenance);
