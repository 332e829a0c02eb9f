using CollabInsights.Domain;

namespace CollabInsights.Scenarios;

/// <summary>
/// A generated scenario in memory: the CSV files in the INDIGO layout (file name to content), the same
/// records as a <see cref="CollabDataset"/> (provenance points at the generated rows), and the ground truth.
/// </summary>
public sealed record GeneratedScenario(IReadOnlyDictionary<string, string> Files, CollabDataset Dataset, ScenarioGroundTruth GroundTruth);
