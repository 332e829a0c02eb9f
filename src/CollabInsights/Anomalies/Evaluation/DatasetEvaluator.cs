using System.Globalization;
using System.Text;
using System.Text.Json;
using CollabInsights.Anomalies.Ml;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>
/// Scores detectors on public labelled data (<c>collab anomalies evaluate --dataset</c>): our ML.NET detector (<c>mlnet</c>,
/// <see cref="TabularAnomalyDetector"/>) and scikit-learn's IsolationForest (<c>isolation_forest</c>) on the same rows in the same
/// run, each measured by ROC AUC and precision at k against the labels.
/// </summary>
public static class DatasetEvaluator
{
    /// <summary>The name of our detector in results.</summary>
    public const string MlNet = "mlnet";

    /// <summary>The name of the peer in results.</summary>
    public const string IsolationForest = "isolation_forest";

    /// <summary>The labelled files a path names: the file itself, or every <c>.csv</c> and <c>.mat</c> file of a folder in name order.</summary>
    public static IReadOnlyList<string> Files(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path).Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".mat", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList();
            return files.Count > 0 ? files : throw new CollabInsightsException($"Folder '{path}' has no .csv or .mat files. Pass a labelled CSV (numeric features and a 'label' column) or an ODDS .mat file, or a folder of them.");
        }

        return File.Exists(path) ? [path] : throw new CollabInsightsException(CollabInsightsErrorCode.NotFound, $"The dataset '{path}' does not exist. Pass a labelled CSV (numeric features and a 'label' column, 1 = anomaly), an ODDS .mat file, or a folder of them (for example data/odds).");
    }

    /// <summary>Evaluates both detectors on <paramref name="dataset"/> (the peer only when <paramref name="runIsolationForest"/>).</summary>
    public static async Task<DatasetResult> EvaluateAsync(LabelledDataset dataset, TabularDetectorOptions? options = null, bool runIsolationForest = true, string? python = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var o = options ?? new TabularDetectorOptions();
        var detectors = new List<DetectorResult> { Measure(MlNet, TabularAnomalyDetector.Score(dataset.Rows, o), dataset.Labels) };
        if (runIsolationForest)
        {
            detectors.Add(Measure(IsolationForest, await TabularIsolationForest.ScoreAsync(dataset.Rows, o.Seed, python, cancellationToken).ConfigureAwait(false), dataset.Labels));
        }

        return new DatasetResult(dataset.Name, dataset.Rows.Count, dataset.Anomalies, detectors);
    }

    /// <summary>ROC AUC (ties count half) and precision at k = number of anomalies, as <see cref="AnomalyEvaluator.Rank"/> measures them.</summary>
    public static DetectorResult Measure(string name, IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var m = AnomalyEvaluator.Rank(name, "label", scores.Select((s, i) => (s, labels[i])).ToList());
        return new DetectorResult(name, m.RocAuc, m.PrecisionAtK);
    }

    /// <summary>The results as <c>{"datasets":[{"name","rows","anomalies","detectors":[{"name","roc_auc","precision_at_k"}]}]}</c>, indented.</summary>
    public static string ToJson(IReadOnlyList<DatasetResult> results) =>
        JsonSerializer.Serialize(new Dictionary<string, IReadOnlyList<DatasetResult>> { ["datasets"] = results }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>A plain-text table: one line per dataset with each detector's ROC AUC and precision at k, then the means.</summary>
    public static string ToText(IReadOnlyList<DatasetResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var names = results.SelectMany(r => r.Detectors.Select(d => d.Name)).Distinct(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"dataset",-16} {"rows",7} {"anomalies",9}");
        foreach (var n in names)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {n + " auc",22} {n + " p@k",22}");
        }

        sb.Append('\n');
        foreach (var r in results)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Name,-16} {r.Rows,7} {r.Anomalies,9}");
            foreach (var n in names)
            {
                var d = r.Detectors.FirstOrDefault(x => x.Name == n);
                sb.Append(CultureInfo.InvariantCulture, $" {F(d?.RocAuc),22} {F(d?.PrecisionAtK),22}");
            }

            sb.Append('\n');
        }

        if (results.Count > 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{"mean",-16} {string.Empty,7} {string.Empty,9}");
            foreach (var n in names)
            {
                sb.Append(CultureInfo.InvariantCulture, $" {F(Mean(results, n, d => d.RocAuc)),22} {F(Mean(results, n, d => d.PrecisionAtK)),22}");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Mean of a detector's figure over the datasets where it has one; null when none has.</summary>
    public static double? Mean(IReadOnlyList<DatasetResult> results, string detector, Func<DetectorResult, double?> figure)
    {
        ArgumentNullException.ThrowIfNull(results);
        var values = results.Select(r => r.Detectors.FirstOrDefault(d => d.Name == detector)).Where(d => d is not null).Select(d => figure(d!)).OfType<double>().ToList();
        return values.Count == 0 ? null : values.Average();
    }

    private static string F(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
