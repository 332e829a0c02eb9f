using System.Globalization;
using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CollabInsights.Anomalies.Ml;

/// <summary>
/// Unsupervised anomaly scores for payments: engineered <see cref="PaymentFeatures"/>, robust scaling with a
/// per-feature floor, a sign(z) ln(1 + |z|) compression, and ML.NET k-means; a payment's score is its squared
/// distance to the nearest centre, calibrated to a 0..1 rank, explained by the features contributing most to that
/// distance. Chosen by measurement: on generated scenarios (seeds 1-5, 20 projects) ML.NET RandomizedPca scored
/// ROC AUC 0.14-0.43 on the subtle anomalies (its relative residual ranks a huge value along the main direction
/// low) and its average with k-means 0.58-0.96, while k-means alone reached 0.98-1.00.
/// </summary>
public static class MlAnomalyDetector
{
    /// <summary>Scores every actual payment of <paramref name="dataset"/>; sorted by rank, highest first.</summary>
    public static IReadOnlyList<PaymentScore> Score(CollabDataset dataset, MlDetectorOptions? options = null) =>
        Score(PaymentFeatureExtractor.Extract(dataset), options);

    /// <summary>Scores precomputed feature rows; sorted by rank, highest first.</summary>
    public static IReadOnlyList<PaymentScore> Score(IReadOnlyList<PaymentFeatures> rows, MlDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var o = options ?? new MlDetectorOptions();
        if (rows.Count == 0)
        {
            return [];
        }

        var width = PaymentFeatures.Names.Count;
        var scaler = RobustScaler.Fit(rows.Select(r => r.Values).ToList(), width, PaymentFeatures.MinimumScales);
        var scaled = rows.Select(r => scaler.TransformCompressed(r.Values)).ToList();
        var ml = new MLContext(o.Seed);
        var data = ml.Data.LoadFromEnumerable(scaled.Select(s => new Row { Features = s.Select(v => (float)v).ToArray() }), SchemaFor(ml, width));
        var k = Math.Max(1, Math.Min(o.Clusters, rows.Count));
        var model = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfClusters = k, FeatureColumnName = "Features", MaximumNumberOfIterations = 200 }).Fit(data);
        VBuffer<float>[] centroids = [];
        model.Model.GetClusterCentroids(ref centroids, out var count);
        var all = centroids.Take(count).Select(c => c.DenseValues().Select(v => (double)v).ToArray()).ToList();
        var sizes = new int[all.Count];
        foreach (var x in scaled)
        {
            sizes[Nearest(all, x).Index]++;
        }

        var centres = all.Where((_, c) => sizes[c] >= o.MinClusterShare * rows.Count).ToList();
        if (centres.Count == 0)
        {
            centres = all;
        }
        var scored = new List<(PaymentFeatures Row, double Raw, double[] Parts)>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var x = scaled[i];
            var best = centres[Nearest(centres, x).Index];
            var parts = x.Select((v, j) => (v - best[j]) * (v - best[j])).ToArray();
            scored.Add((rows[i], parts.Sum(), parts));
        }

        var ranks = Ranks(scored.Select(s => s.Raw).ToList());
        return scored.Select((s, i) => new PaymentScore(s.Row.Key, s.Row.Payment.ProjectId, s.Row.Payment.Provenance, s.Raw, ranks[i], Top(s.Row, s.Parts, s.Raw, o.TopFeatures)))
            .OrderByDescending(s => s.Rank).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The top <see cref="MlDetectorOptions.FlagShare"/> of <paramref name="scores"/> as <c>ml_outlier</c> flags, each explained by its top features.</summary>
    public static IReadOnlyList<Flag> Flags(IReadOnlyList<PaymentScore> scores, MlDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var o = options ?? new MlDetectorOptions();
        var n = (int)Math.Ceiling(scores.Count * o.FlagShare);
        return scores.OrderByDescending(s => s.Rank).ThenBy(s => s.Key, StringComparer.Ordinal).Take(n).Select(s => Flag.At(FlagKinds.MlOutlier, s.Project, s.Provenance, s.Rank,
            string.Create(CultureInfo.InvariantCulture, $"This payment is more unusual than {Text.Percent(s.Rank)} of payments; mostly because of ") +
            string.Join("; ", s.TopFeatures.Select(Explain)) + ".")).ToList();
    }

    /// <summary>One feature of an explanation: its description, its value (or why it is unknown, scored as the median), and its share of the score.</summary>
    internal static string Explain(FeatureContribution f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var value = double.IsFinite(f.Value)
            ? Text.Number(Math.Round(f.Value, 3))
            : $"unknown, {PaymentFeatures.UnknownDescriptions.GetValueOrDefault(f.Feature, "not computable")}, so scored as the median";
        return $"{PaymentFeatures.Descriptions[f.Feature]} ({value}, {Text.Percent(f.Share)} of the score)";
    }

    /// <summary>Average ranks scaled to 0..1: the share of other values strictly lower, ties sharing the mean.</summary>
    internal static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var i0 = 0;
        while (i0 < order.Length)
        {
            var i1 = i0;
            while (i1 + 1 < order.Length && values[order[i1 + 1]] == values[order[i0]])
            {
                i1++;
            }

            var r = values.Count == 1 ? 1 : ((i0 + i1) / 2.0) / (values.Count - 1);
            for (var k = i0; k <= i1; k++)
            {
                ranks[order[k]] = r;
            }

            i0 = i1 + 1;
        }

        return ranks;
    }

    private static (int Index, double Distance) Nearest(List<double[]> centres, double[] x)
    {
        var best = (Index: 0, Distance: double.MaxValue);
        for (var c = 0; c < centres.Count; c++)
        {
            double d = 0;
            for (var j = 0; j < x.Length; j++)
            {
                d += (x[j] - centres[c][j]) * (x[j] - centres[c][j]);
            }

            if (d < best.Distance)
            {
                best = (c, d);
            }
        }

        return best;
    }

    private static FeatureContribution[] Top(PaymentFeatures row, double[] parts, double total, int n) =>
        parts.Select((p, j) => new FeatureContribution(PaymentFeatures.Names[j], total > 0 ? p / total : 0, row.Values[j]))
            .OrderByDescending(c => c.Share).ThenBy(c => c.Feature, StringComparer.Ordinal).Take(n).ToArray();

    private static SchemaDefinition SchemaFor(MLContext ml, int width)
    {
        _ = ml;
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}
