using CollabInsights.Anomalies;
using CollabInsights.Anomalies.Ml;
using CollabInsights.Domain;

namespace CollabInsights.Kit;

/// <summary>Anomaly detection of <see cref="CollabKit.Anomalies"/>: rule flags with their reasons, ML.NET scores, and planted anomalies to measure both.</summary>
public sealed class AnomalyCatalog
{
    private readonly CollabKit _kit;

    internal AnomalyCatalog(CollabKit kit) => _kit = kit;

    /// <summary>Every flag of the rules and the ML.NET detector, the loader's unusable values included as data-quality flags (<see cref="AnomalyDetection.Run(LoadResult{CollabDataset}, AnomalyDetectionOptions?)"/>).</summary>
    /// <example><code>var flags = kit.Anomalies.Detect(await kit.Data.LoadIndigoAsync(path)); display(flags);</code></example>
    public IReadOnlyList<Flag> Detect(LoadResult<CollabDataset> load, AnomalyDetectionOptions? options = null) => AnomalyDetection.Run(load, options);

    /// <summary>Each actual payment's ML.NET anomaly score, highest first, with the features behind it (<see cref="MlAnomalyDetector.Score(CollabDataset, MlDetectorOptions?)"/>).</summary>
    /// <example><code>display(kit.Anomalies.Score(load.Value).Take(10));</code></example>
    public IReadOnlyList<PaymentScore> Score(CollabDataset dataset, MlDetectorOptions? options = null) => MlAnomalyDetector.Score(dataset, options);

    /// <summary>A small synthetic dataset with labelled anomalies planted at <paramref name="rate"/>, seeded by the kit (<see cref="AnomalyInjector.Synthetic"/>).</summary>
    /// <example><code>var planted = kit.Anomalies.Planted(projects: 40); var found = AnomalyDetection.Run(planted.Dataset, planted.Problems);</code></example>
    public InjectedDataset Planted(int projects = 40, double rate = 0.05) => AnomalyInjector.Synthetic(_kit.Seed, projects, rate);
}
