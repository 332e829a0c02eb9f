namespace CollabInsights.Scenarios;

/// <summary>
/// An irregularity planted in a generated scenario on purpose (ground truth for anomaly detection):
/// its kind, the file and 1-based data row it sits in, and a sentence describing it.
/// </summary>
public sealed record ScenarioAnomaly(string Kind, string File, int Row, string Description);
