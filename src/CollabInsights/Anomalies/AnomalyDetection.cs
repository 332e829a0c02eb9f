using CollabInsights.Anomalies.Ml;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies;

/// <summary>Entry point for notebooks and the CLI: the rules' flags plus the ML detector's <c>ml_outlier</c> flags for one dataset, sorted.</summary>
public static class AnomalyDetection
{
    /// <summary>Flags <paramref name="dataset"/>; <paramref name="problems"/> are the loader's (they become <c>invalid_value</c> flags).</summary>
    public static IReadOnlyList<Flag> Run(CollabDataset dataset, IReadOnlyList<DataProblem>? problems = null, AnomalyDetectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var o = options ?? new AnomalyDetectionOptions();
        var flags = AnomalyRules.Run(dataset, problems, o.Rules).ToList();
        if (o.UseMl && dataset.Payments.Count > 0)
        {
            flags.AddRange(MlAnomalyDetector.Flags(MlAnomalyDetector.Score(dataset, o.Ml), o.Ml));
        }

        return AnomalyRules.Sort(flags);
    }

    /// <summary>Flags of a loaded dataset (records and problems together).</summary>
    public static IReadOnlyList<Flag> Run(LoadResult<CollabDataset> loaded, AnomalyDetectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return Run(loaded.Value, loaded.Problems, options);
    }
}
