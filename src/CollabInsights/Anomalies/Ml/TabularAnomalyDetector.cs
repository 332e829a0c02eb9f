using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CollabInsights.Anomalies.Ml;

/// <summary>
/// The ML.NET detector for any numeric table (the <c>mlnet</c> detector of <c>collab anomalies evaluate --dataset</c>): unknown values
/// become the column median, columns are scaled, and an ensemble scores each row: the distance to the nearest centre of ML.NET k-means
/// models with several numbers of clusters (standardised and averaged into one member), optionally the distance from the centre of the
/// data, a Mahalanobis distance in the top components of ML.NET's randomized PCA, and, for the k-means models with few clusters, the
/// Mahalanobis distance of each row under its own cluster's covariance (<see cref="ClusterMahalanobis"/>; it sees a row that keeps every
/// feature in range but breaks the relation between features within its group). Each member's scores are standardised (z) and
/// summed, so no member's units dominate.
/// Higher scores are more anomalous.
/// </summary>
public static class TabularAnomalyDetector
{
    /// <summary>Scores every row of <paramref name="rows"/> (all of one width); higher is more anomalous.</summary>
    public static double[] Score(IReadOnlyList<double[]> rows, TabularDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var o = options ?? new TabularDetectorOptions();
        if (rows.Count == 0)
        {
            return [];
        }

        var scaled = Scale(rows, o.RobustScaling);
        var width = scaled[0].Length;
        var members = new List<double[]>();
        var kmeans = new List<double[]>();
        var local = new List<double[]>();
        var ml = new MLContext(o.Seed);
        var data = ml.Data.LoadFromEnumerable(scaled.Select(s => new Row { Features = s.Select(v => (float)v).ToArray() }), Schema(width));
        foreach (var k in o.ClusterCounts.Where(k => k >= 2 && k < rows.Count))
        {
            var model = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfClusters = k, FeatureColumnName = "Features", MaximumNumberOfIterations = 100 }).Fit(data);
            VBuffer<float>[] centroids = [];
            model.Model.GetClusterCentroids(ref centroids, out var count);
            var centres = centroids.Take(count).Select(c => c.DenseValues().Select(v => (double)v).ToArray()).ToList();
            kmeans.Add(Standardise(scaled.Select(x => Math.Sqrt(centres.Min(c => SquaredDistance(x, c)))).ToArray()));
            if (k <= o.LocalCovarianceClusters && rows.Count >= 2 * width * k)
            {
                local.Add(Standardise(ClusterMahalanobis.Distances(scaled, centres)));
            }
        }

        if (kmeans.Count > 0)
        {
            members.Add(Enumerable.Range(0, rows.Count).Select(i => kmeans.Average(m => m[i])).ToArray());
        }

        if (local.Count > 0)
        {
            members.Add(Enumerable.Range(0, rows.Count).Select(i => local.Average(m => m[i])).ToArray());
        }

        if (o.UseCentreDistance)
        {
            var centre = Enumerable.Range(0, width).Select(j => scaled.Average(x => x[j])).ToArray();
            members.Add(scaled.Select(x => Math.Sqrt(SquaredDistance(x, centre))).ToArray());
        }

        if (o.PcaRank > 0 && width > 1)
        {
            members.Add(Mahalanobis(ml, data, scaled.Count, Math.Min(Math.Min(o.PcaRank, width), scaled.Count - 1), o.Seed));
        }

        var total = new double[rows.Count];
        foreach (var m in members.Select(Standardise))
        {
            for (var i = 0; i < total.Length; i++)
            {
                total[i] += m[i];
            }
        }

        return total;
    }

    private static double[] Standardise(double[] m)
    {
        var mean = m.Average();
        var sd = Math.Sqrt(m.Sum(v => (v - mean) * (v - mean)) / m.Length);
        return m.Select(v => sd > 0 ? (v - mean) / sd : 0).ToArray();
    }

    private static double[] Mahalanobis(MLContext ml, IDataView data, int n, int rank, int seed)
    {
        var pca = ml.Transforms.ProjectToPrincipalComponents("Pca", "Features", rank: rank, seed: seed).Fit(data).Transform(data);
        var projected = pca.GetColumn<VBuffer<float>>("Pca").Select(v => v.DenseValues().Select(x => (double)x).ToArray()).ToList();
        var variances = Enumerable.Range(0, rank).Select(j =>
        {
            var mean = projected.Average(p => p[j]);
            return projected.Sum(p => (p[j] - mean) * (p[j] - mean)) / Math.Max(1, n - 1);
        }).ToArray();
        var means = Enumerable.Range(0, rank).Select(j => projected.Average(p => p[j])).ToArray();
        var floor = 1e-6 * variances.DefaultIfEmpty(0).Max();
        return projected.Select(p => Math.Sqrt(Enumerable.Range(0, rank).Sum(j => variances[j] > floor && variances[j] > 1e-12 ? (p[j] - means[j]) * (p[j] - means[j]) / variances[j] : 0))).ToArray();
    }

    /// <summary>Median-imputed, then scaled columns: (x - mean) / sd, or (x - median) / robust spread (<see cref="RobustScaler"/>); a constant column becomes 0.</summary>
    private static List<double[]> Scale(IReadOnlyList<double[]> rows, bool robust)
    {
        var width = rows[0].Length;
        if (rows.Any(r => r.Length != width))
        {
            throw new CollabInsightsException("Every row of a table to score must have the same number of features.");
        }

        if (robust)
        {
            var scaler = RobustScaler.Fit(rows.Select(r => (IReadOnlyList<double>)r).ToList(), width);
            return rows.Select(r => scaler.Transform(r)).ToList();
        }

        var medians = Enumerable.Range(0, width).Select(j => Percentile.Median(rows.Select(r => r[j]).Where(double.IsFinite).Order().ToList())).ToArray();
        var filled = rows.Select(r => r.Select((v, j) => double.IsFinite(v) ? v : (double.IsFinite(medians[j]) ? medians[j] : 0)).ToArray()).ToList();
        var means = Enumerable.Range(0, width).Select(j => filled.Average(r => r[j])).ToArray();
        var sds = Enumerable.Range(0, width).Select(j => Math.Sqrt(filled.Sum(r => (r[j] - means[j]) * (r[j] - means[j])) / filled.Count)).ToArray();
        return filled.Select(r => r.Select((v, j) => sds[j] > 1e-12 ? (v - means[j]) / sds[j] : 0).ToArray()).ToList();
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        double d = 0;
        for (var j = 0; j < a.Length; j++)
        {
            d += (a[j] - b[j]) * (a[j] - b[j]);
        }

        return d;
    }

    private static SchemaDefinition Schema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}
