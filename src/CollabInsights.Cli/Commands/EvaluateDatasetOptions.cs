using System.CommandLine;
using System.Globalization;
using CollabInsights.Anomalies.Evaluation;
using CollabInsights.Anomalies.Ml;

namespace CollabInsights.Cli.Commands;

/// <summary>
/// The options of <c>collab anomalies evaluate</c> that score the detectors on public labelled data (<c>--dataset</c>) and on planted
/// anomalies of graded strength (<c>--strengths</c>), and the detector variant options they share.
/// </summary>
internal sealed class EvaluateDatasetOptions
{
    private readonly Option<string[]> _dataset = new("--dataset")
    {
        Description = "A labelled table to score the detectors on instead of seeded scenarios: a CSV with numeric feature columns and a 'label' column (1 = anomaly), an ODDS .mat file, or a folder of them (data/odds holds 17 ODDS datasets). Repeatable. Prints ROC AUC and precision at k for mlnet and isolation_forest.",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string> _strengths = new("--strengths")
    {
        Description = "Sweep planted anomalies of graded strength (standard deviations off their group's pattern) and print ROC AUC and recall at k per strength for mlnet and isolation_forest, averaged over --seeds, and the strength up to which neither finds them. Optional list (default 0,0.5,1,1.5,2,3,4,6,8).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string> _kmeans = new("--kmeans") { Description = "Cluster counts of the mlnet detector's k-means ensemble (default 2,4,8,16)." };
    private readonly Option<int?> _pcaRank = new("--pca-rank") { Description = "Rank of the Mahalanobis distance in the top components of ML.NET's randomized PCA in the mlnet ensemble (default 64, capped at the number of features; 0 leaves it out)." };
    private readonly Option<bool> _robust = new("--robust-scaling") { Description = "Scale features by median and IQR instead of mean and standard deviation in the mlnet detector." };
    private readonly Option<int?> _local = new("--local-covariance") { Description = "The mlnet detector's k-means models with at most this many clusters also score rows by the Mahalanobis distance under their own cluster's covariance (default 4; 0 leaves it out)." };
    private readonly Option<bool> _centre = new("--centre-distance") { Description = "Add the distance from the data's centre to the mlnet ensemble." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public static EvaluateDatasetOptions AddTo(Command command)
    {
        var o = new EvaluateDatasetOptions();
        command.Options.Add(o._dataset);
        command.Options.Add(o._strengths);
        command.Options.Add(o._kmeans);
        command.Options.Add(o._pcaRank);
        command.Options.Add(o._robust);
        command.Options.Add(o._local);
        command.Options.Add(o._centre);
        return o;
    }

    /// <summary>The mlnet detector's options from the command line.</summary>
    public TabularDetectorOptions Detector(ParseResult parseResult, int seed = 1)
    {
        IReadOnlyList<int>? clusters = null;
        if (parseResult.GetValue(_kmeans) is { } text)
        {
            try
            {
                clusters = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            }
            catch (FormatException)
            {
                throw new CollabInsightsException($"--kmeans '{text}' is not a list of integers; write for example --kmeans 2,4,8,16.");
            }
        }

        return new TabularDetectorOptions(Seed: seed, Clusters: clusters, UseCentreDistance: parseResult.GetValue(_centre), PcaRank: parseResult.GetValue(_pcaRank) ?? new TabularDetectorOptions().PcaRank, RobustScaling: parseResult.GetValue(_robust),
            LocalCovarianceClusters: parseResult.GetValue(_local) is { } local ? (local >= 0 ? local : throw new CollabInsightsException($"--local-covariance {local} is negative; give a number of clusters of 0 or more (0 leaves the member out).")) : new TabularDetectorOptions().LocalCovarianceClusters);
    }

    /// <summary>Runs the <c>--dataset</c> evaluation when the option is given; false when it is not (the scenario evaluation runs instead).</summary>
    public async Task<bool> TryRunAsync(ParseResult parseResult, bool json, bool runIsolationForest, IReadOnlyList<int> seeds, TextWriter output, CancellationToken ct)
    {
        if (parseResult.GetResult(_strengths) is not null)
        {
            var text = parseResult.GetValue(_strengths);
            IReadOnlyList<double> strengths;
            try
            {
                strengths = string.IsNullOrWhiteSpace(text) ? StrengthSweep.DefaultStrengths
                    : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            }
            catch (FormatException)
            {
                throw new CollabInsightsException($"--strengths '{text}' is not a list of numbers; write for example --strengths 0,1,2,4,8.");
            }

            if (strengths.Any(v => !double.IsFinite(v) || v < 0))
            {
                throw new CollabInsightsException($"--strengths '{text}' holds a negative or non-finite strength; strengths are standard deviations, 0 or more.");
            }

            var sweep = await StrengthSweep.RunAsync(strengths, seeds, detector: Detector(parseResult), runIsolationForest: runIsolationForest, cancellationToken: ct).ConfigureAwait(false);
            output.WriteLine(json ? StrengthSweep.ToJson(sweep) : StrengthSweep.ToText(sweep));
            return true;
        }

        if (parseResult.GetValue(_dataset) is not { Length: > 0 } paths)
        {
            return false;
        }

        var detector = Detector(parseResult);
        var results = new List<DatasetResult>();
        foreach (var file in paths.SelectMany(DatasetEvaluator.Files))
        {
            results.Add(await DatasetEvaluator.EvaluateAsync(LabelledDataset.Read(file), detector, runIsolationForest, cancellationToken: ct).ConfigureAwait(false));
        }

        output.WriteLine(json ? DatasetEvaluator.ToJson(results) : DatasetEvaluator.ToText(results));
        return true;
    }
}
