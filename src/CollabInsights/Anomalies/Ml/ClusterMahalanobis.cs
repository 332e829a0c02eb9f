namespace CollabInsights.Anomalies.Ml;

/// <summary>
/// The Mahalanobis distance of each row to the k-means cluster it belongs to, under that cluster's own covariance: a row that keeps
/// every feature inside its ordinary range but breaks the relation between features within its group (a payment whose amount does not
/// fit its project's size and stage) is far in this distance although it is near its centre in plain distance. Each covariance is shrunk
/// towards a multiple of the identity (Ledoit-Wolf style, weight d / (n + d) for d features and n rows of the cluster) so it stays
/// invertible for small clusters; a cluster with fewer than 2d rows borrows the pooled within-cluster covariance.
/// </summary>
internal static class ClusterMahalanobis
{
    /// <summary>Distances of every row of <paramref name="rows"/> to its nearest centre of <paramref name="centres"/>.</summary>
    public static double[] Distances(IReadOnlyList<double[]> rows, IReadOnlyList<double[]> centres)
    {
        var d = rows[0].Length;
        var assign = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var best = double.MaxValue;
            for (var c = 0; c < centres.Count; c++)
            {
                double s = 0;
                for (var j = 0; j < d; j++)
                {
                    var t = rows[i][j] - centres[c][j];
                    s += t * t;
                }

                if (s < best)
                {
                    best = s;
                    assign[i] = c;
                }
            }
        }

        var k = centres.Count;
        var counts = new int[k];
        var means = new double[k][];
        var covs = new double[k][,];
        for (var c = 0; c < k; c++)
        {
            means[c] = new double[d];
            covs[c] = new double[d, d];
        }

        for (var i = 0; i < rows.Count; i++)
        {
            counts[assign[i]]++;
            for (var j = 0; j < d; j++)
            {
                means[assign[i]][j] += rows[i][j];
            }
        }

        for (var c = 0; c < k; c++)
        {
            for (var j = 0; j < d && counts[c] > 0; j++)
            {
                means[c][j] /= counts[c];
            }
        }

        var pooled = new double[d, d];
        var diff = new double[d];
        for (var i = 0; i < rows.Count; i++)
        {
            var c = assign[i];
            for (var j = 0; j < d; j++)
            {
                diff[j] = rows[i][j] - means[c][j];
            }

            for (var a = 0; a < d; a++)
            {
                for (var b = 0; b <= a; b++)
                {
                    covs[c][a, b] += diff[a] * diff[b];
                }
            }
        }

        for (var c = 0; c < k; c++)
        {
            for (var a = 0; a < d; a++)
            {
                for (var b = 0; b <= a; b++)
                {
                    pooled[a, b] += covs[c][a, b];
                }
            }
        }

        var pooledFactor = Factor(pooled, rows.Count, d);
        var factors = new double[k][,];
        for (var c = 0; c < k; c++)
        {
            factors[c] = counts[c] >= 2 * d ? Factor(covs[c], counts[c], d) : pooledFactor;
        }

        var result = new double[rows.Count];
        var y = new double[d];
        for (var i = 0; i < rows.Count; i++)
        {
            var c = assign[i];
            var l = factors[c];
            double sum = 0;
            for (var a = 0; a < d; a++)
            {
                var v = rows[i][a] - means[c][a];
                for (var b = 0; b < a; b++)
                {
                    v -= l[a, b] * y[b];
                }

                y[a] = v / l[a, a];
                sum += y[a] * y[a];
            }

            result[i] = Math.Sqrt(sum);
        }

        return result;
    }

    /// <summary>Cholesky factor of the shrunk covariance from a lower-triangular scatter matrix of <paramref name="n"/> rows.</summary>
    private static double[,] Factor(double[,] scatter, int n, int d)
    {
        var cov = new double[d, d];
        double trace = 0;
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                cov[a, b] = scatter[a, b] / Math.Max(1, n - 1);
            }

            trace += cov[a, a];
        }

        var shrink = (double)d / (n + d);
        var target = Math.Max(trace / d, 1e-9);
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                cov[a, b] *= 1 - shrink;
            }

            cov[a, a] += shrink * target;
        }

        var l = new double[d, d];
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var s = cov[a, b];
                for (var m = 0; m < b; m++)
                {
                    s -= l[a, m] * l[b, m];
                }

                l[a, b] = a == b ? Math.Sqrt(Math.Max(s, 1e-12 * target)) : s / l[b, b];
            }
        }

        return l;
    }
}
