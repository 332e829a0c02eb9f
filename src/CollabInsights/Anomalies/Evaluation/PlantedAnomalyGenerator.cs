namespace CollabInsights.Anomalies.Evaluation;

/// <summary>
/// A labelled table with planted anomalies of graded strength, so a detector can be failed: normal rows come from a few correlated
/// Gaussian groups; planted rows are ordinary rows of a group moved by <see cref="PlantedAnomalyOptions.Strength"/> standard deviations
/// along a random direction among the group's low-variance axes. For one seed, only the strength changes between calls: the groups,
/// the normal rows, which rows are planted and their directions stay the same, so a sweep over strengths is a curve, not noise.
/// </summary>
public static class PlantedAnomalyGenerator
{
    /// <summary>Generates the table (name <c>planted s=STRENGTH seed=SEED</c>).</summary>
    public static LabelledDataset Generate(PlantedAnomalyOptions? options = null)
    {
        var o = options ?? new PlantedAnomalyOptions();
        if (o.Rows < 10 || o.Features < 2 || o.Clusters < 1 || o.AnomalyShare is <= 0 or >= 0.5 || !double.IsFinite(o.Strength) || o.Strength < 0)
        {
            throw new CollabInsightsException("Planted anomalies need at least 10 rows, 2 features and 1 group, an anomaly share between 0 and 0.5, and a finite strength of at least 0.");
        }

        var random = new Random(o.Seed);
        var d = o.Features;
        var groups = Enumerable.Range(0, o.Clusters).Select(_ =>
        {
            var centre = Enumerable.Range(0, d).Select(_ => Normal(random) * 6).ToArray();
            var rotation = Orthonormal(random, d);
            var sigmas = Enumerable.Range(0, d).Select(j => 3 * Math.Pow(0.1, (double)j / (d - 1))).ToArray();
            return (Centre: centre, Rotation: rotation, Sigmas: sigmas);
        }).ToList();

        var planted = (int)Math.Round(o.Rows * o.AnomalyShare);
        var rows = new List<double[]>(o.Rows);
        var labels = new List<bool>(o.Rows);
        var plantedSoFar = 0;
        for (var i = 0; i < o.Rows; i++)
        {
            var g = groups[random.Next(groups.Count)];
            var z = Enumerable.Range(0, d).Select(_ => Normal(random)).ToArray();
            var anomaly = i % (o.Rows / planted) == 0 && plantedSoFar < planted;
            plantedSoFar += anomaly ? 1 : 0;

            // The direction of a planted row: a random unit vector over the group's low-variance half of the axes, drawn whether or not
            // the row is planted so the random sequence (and every other row) is the same at every strength.
            var minor = Enumerable.Range(d / 2, d - (d / 2)).ToArray();
            var u = minor.Select(_ => Normal(random)).ToArray();
            var norm = Math.Sqrt(u.Sum(v => v * v));
            var local = new double[d];
            for (var j = 0; j < d; j++)
            {
                local[j] = g.Sigmas[j] * z[j];
            }

            if (anomaly)
            {
                // Strength in standard deviations along the direction: the group's spread along u is sqrt(sum (u_j sigma_j)^2).
                var spread = Math.Sqrt(minor.Select((axis, k) => (u[k] / norm) * (u[k] / norm) * g.Sigmas[axis] * g.Sigmas[axis]).Sum());
                for (var k = 0; k < minor.Length; k++)
                {
                    local[minor[k]] += o.Strength * spread * (u[k] / norm);
                }
            }

            var x = new double[d];
            for (var r = 0; r < d; r++)
            {
                double sum = 0;
                for (var c = 0; c < d; c++)
                {
                    sum += g.Rotation[r][c] * local[c];
                }

                x[r] = g.Centre[r] + sum;
            }

            rows.Add(x);
            labels.Add(anomaly);
        }

        return new LabelledDataset(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"planted s={o.Strength} seed={o.Seed}"),
            Enumerable.Range(1, d).Select(j => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"x{j}")).ToList(), rows, labels);
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A random rotation: Gram-Schmidt on a Gaussian matrix; columns are the group's axes.</summary>
    private static double[][] Orthonormal(Random random, int d)
    {
        var columns = new List<double[]>();
        while (columns.Count < d)
        {
            var v = Enumerable.Range(0, d).Select(_ => Normal(random)).ToArray();
            foreach (var c in columns)
            {
                var dot = v.Zip(c, (a, b) => a * b).Sum();
                for (var j = 0; j < d; j++)
                {
                    v[j] -= dot * c[j];
                }
            }

            var n = Math.Sqrt(v.Sum(a => a * a));
            if (n > 1e-9)
            {
                columns.Add(v.Select(a => a / n).ToArray());
            }
        }

        var m = new double[d][];
        for (var r = 0; r < d; r++)
        {
            m[r] = Enumerable.Range(0, d).Select(c => columns[c][r]).ToArray();
        }

        return m;
    }
}
