namespace CollabInsights.Domain;

/// <summary>What a project counts as an outcome (INDIGO <c>projects_outcome_metrics.csv</c>); <see cref="Id"/> is unique within the project.</summary>
public sealed record OutcomeMetric(string ProjectId, string Id, string? Definition, string? PolicySector, string? ValidationMethod, int? TargetedServiceUsers, Provenance Provenance);
