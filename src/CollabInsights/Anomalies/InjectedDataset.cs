using CollabInsights.Domain;

namespace CollabInsights.Anomalies;

/// <summary>A dataset with injected anomalies, the loader-style problems injected with it, and the ground-truth labels.</summary>
public sealed record InjectedDataset(CollabDataset Dataset, IReadOnlyList<DataProblem> Problems, IReadOnlyList<AnomalyLabel> Labels);
