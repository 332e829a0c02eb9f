namespace CollabInsights.Domain;

/// <summary>The price paid per outcome of a metric, and the maximum if all targets are met (INDIGO <c>projects_outcome_pricings.csv</c>).</summary>
public sealed record OutcomePricing(string ProjectId, string? MetricId, Money? PricePerUnit, decimal? PricePerUnitUsd, Money? MaximumPrice, Provenance Provenance);
