using CollabInsights.Anomalies.Evaluation;
using CollabInsights.Scenarios;

namespace CollabInsights.Kit;

/// <summary>Generated scenarios of <see cref="CollabKit.Scenarios"/>, seeded by the kit: cases with known answers, for measuring the analyses (never a production input).</summary>
public sealed class ScenarioCatalog
{
    private readonly CollabKit _kit;

    internal ScenarioCatalog(CollabKit kit) => _kit = kit;

    /// <summary>The scenario options with the kit's seed and <paramref name="projects"/> projects (the other defaults of <see cref="ScenarioOptions"/>).</summary>
    public ScenarioOptions Options(int projects = 20) => new() { Seed = _kit.Seed, Projects = projects };

    /// <summary>A scenario in memory: the INDIGO CSV files, the dataset they load as, and the ground truth (<see cref="ScenarioGenerator.Generate"/>).</summary>
    /// <example><code>var scenario = kit.Scenarios.Generate(projects: 10); display(scenario.GroundTruth.ChainDifferences);</code></example>
    public GeneratedScenario Generate(int projects = 20) => ScenarioGenerator.Generate(Options(projects));

    /// <summary>
    /// Writes a scenario to <paramref name="directory"/> in the INDIGO layout with <c>ground-truth.json</c>
    /// (<see cref="ScenarioGenerator.WriteAsync"/>); with <paramref name="anomalyRate"/>, labelled anomalies are planted
    /// at that share of actual payments (<see cref="ScenarioAnomalies.Inject"/>).
    /// </summary>
    /// <example><code>await kit.Scenarios.WriteAsync("out/s42", projects: 20, anomalyRate: 0.05);</code></example>
    public Task<GeneratedScenario> WriteAsync(string directory, int projects = 20, double? anomalyRate = null, CancellationToken cancellationToken = default) =>
        ScenarioGenerator.WriteAsync(Options(projects), directory, cancellationToken, anomalyRate is { } rate ? s => ScenarioAnomalies.Inject(s, rate) : null);
}
