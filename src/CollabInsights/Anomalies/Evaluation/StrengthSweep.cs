using System.Globalization;
using System.Text;
using System.Text.Json;
using CollabInsights.Anomalies.Ml;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>
/// <c>collab anomalies evaluate --strengths</c>: our ML.NET detector and IsolationForest on <see cref="PlantedAnomalyGenerator"/> tables
/// at each strength (same seeds, same rows), with ROC AUC and recall at k per strength, and the strength below which neither finds the
/// planted rows.
/// </summary>
public static class StrengthSweep
{
    /// <summary>A detector "finds" planted rows at a strength when its mean ROC AUC reaches this (0.6).</summary>
    public const double FindsAuc = 0.6;

    /// <summary>Default strengths swept: 0, 0.5, 1, 1.5, 2, 3, 4, 6, 8.</summary>
    public static IReadOnlyList<double> DefaultStrengths { get; } = [0, 0.5, 1, 1.5, 2, 3, 4, 6, 8];

    /// <summary>Runs the sweep; each strength is averaged over <paramref name="seeds"/>.</summary>
    public static async Task<IReadOnlyList<StrengthResult>> RunAsync(IReadOnlyList<double> strengths, IReadOnlyList<int> seeds, PlantedAnomalyOptions? generator = null, TabularDetectorOptions? detector = null,
        bool runIsolationForest = true, string? python = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(strengths);
        ArgumentNullException.ThrowIfNull(seeds);
        var g = generator ?? new PlantedAnomalyOptions();
        var results = new List<StrengthResult>();
        foreach (var s in strengths)
        {
            var perSeed = new List<DatasetResult>();
            foreach (var seed in seeds)
            {
                var data = PlantedAnomalyGenerator.Generate(g with { Seed = seed, Strength = s });
                perSeed.Add(await DatasetEvaluator.EvaluateAsync(data, (detector ?? new TabularDetectorOptions()) with { Seed = seed }, runIsolationForest, python, cancellationToken).ConfigureAwait(false));
            }

            var names = perSeed[0].Detectors.Select(d => d.Name).ToList();
            results.Add(new StrengthResult(s, perSeed[0].Rows, perSeed[0].Anomalies, names.Select(n => new StrengthDetectorResult(n,
                perSeed.Average(r => r.Detectors.Single(d => d.Name == n).RocAuc ?? 0.5),
                perSeed.Average(r => r.Detectors.Single(d => d.Name == n).PrecisionAtK ?? 0))).ToList(),
                ChanceStandardError(perSeed[0].Anomalies, perSeed[0].Rows - perSeed[0].Anomalies, seeds.Count)));
        }

        return results;
    }

    /// <summary>Standard error of the ROC AUC of a random ranking of <paramref name="positives"/> against <paramref name="negatives"/> rows (Hanley and McNeil), averaged over <paramref name="seeds"/> independent tables.</summary>
    public static double ChanceStandardError(int positives, int negatives, int seeds) =>
        positives > 0 && negatives > 0 && seeds > 0 ? Math.Sqrt((positives + negatives + 1.0) / (12.0 * positives * negatives)) / Math.Sqrt(seeds) : double.NaN;

    /// <summary>The largest swept strength up to which no detector reaches <see cref="FindsAuc"/> at that strength or any weaker one; null when one does already at the weakest.</summary>
    public static double? Floor(IReadOnlyList<StrengthResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        double? floor = null;
        foreach (var r in results.OrderBy(r => r.Strength))
        {
            if (r.Detectors.Any(d => d.RocAuc >= FindsAuc))
            {
                break;
            }

            floor = r.Strength;
        }

        return floor;
    }

    /// <summary>The sweep as <c>{"strengths":[{strength, rows, anomalies, detectors:[{name, roc_auc, recall_at_k}], chance_se}], "not_found_up_to": S}</c>, indented.</summary>
    public static string ToJson(IReadOnlyList<StrengthResult> results) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["strengths"] = results, ["not_found_up_to"] = Floor(results) }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>One line per strength with each detector's ROC AUC and recall at k, then where neither finds the planted rows.</summary>
    public static string ToText(IReadOnlyList<StrengthResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var names = results.SelectMany(r => r.Detectors.Select(d => d.Name)).Distinct(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{"strength",8}");
        foreach (var n in names)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {n + " auc",22} {n + " recall@k",22}");
        }

        sb.Append(CultureInfo.InvariantCulture, $" {"chance (2 se)",14}\n");
        foreach (var r in results)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Strength,8:0.##}");
            foreach (var n in names)
            {
                var d = r.Detectors.Single(x => x.Name == n);
                sb.Append(CultureInfo.InvariantCulture, $" {d.RocAuc,22:0.000} {d.RecallAtK,22:0.000}");
            }

            sb.Append(CultureInfo.InvariantCulture, $" {"±" + (2 * r.ChanceStandardError).ToString("0.000", CultureInfo.InvariantCulture),14}\n");
        }

        sb.Append("ROC AUC differences under the chance column (twice the standard error of a random ranking) do not tell detectors apart.\n");
        var floor = Floor(results);
        sb.Append(floor is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"Up to strength {f:0.##} no detector finds the planted rows (ROC AUC under {FindsAuc}).\n")
            : string.Create(CultureInfo.InvariantCulture, $"A detector reaches ROC AUC {FindsAuc} already at the weakest strength swept; sweep weaker strengths to see where they stop.\n"));
        return sb.ToString();
    }
}
