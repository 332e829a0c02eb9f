namespace CollabInsights.Linking;

/// <summary>Where <see cref="LinkReport.WriteAllAsync"/> put its outputs (absolute paths).</summary>
public sealed record LinkOutputs(string Report, IReadOnlyList<string> Tables);
