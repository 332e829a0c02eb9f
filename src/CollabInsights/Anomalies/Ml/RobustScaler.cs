using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Ml;

/// <summary>
/// Centres each feature on its median and divides by a robust spread (IQR / 1.349, else MAD / 0.6745, else the
/// standard deviation, else 1); unknown values become 0 (the median). A single huge value cannot stretch the scale.
/// </summary>
public sealed class RobustScaler
{
    private RobustScaler(double[] medians, double[] scales)
    {
        Medians = medians;
        Scales = scales;
    }

    /// <summary>Median of each feature.</summary>
    public IReadOnlyList<double> Medians { get; }

    /// <summary>Robust spread of each feature.</summary>
    public IReadOnlyList<double> Scales { get; }

    /// <summary>
    /// Fits the medians and spreads on <paramref name="rows"/> (NaN = unknown, ignored). A spread is never below the
    /// feature's <paramref name="minimumScales"/> entry (default none), so cent rounding of a nearly constant feature is not blown up into outliers.
    /// </summary>
    public static RobustScaler Fit(IReadOnlyList<IReadOnlyList<double>> rows, int width, IReadOnlyList<double>? minimumScales = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var medians = new double[width];
        var scales = new double[width];
        for (var j = 0; j < width; j++)
        {
            var column = rows.Select(r => r[j]).Where(double.IsFinite).Order().ToList();
            if (column.Count == 0)
            {
                scales[j] = Math.Max(1, minimumScales?[j] ?? 0);
                continue;
            }

            medians[j] = Percentile.Median(column);
            var iqr = Quantile(column, 0.75) - Quantile(column, 0.25);
            var mad = Percentile.Median(column.Select(v => Math.Abs(v - medians[j])).Order().ToList());
            var mean = column.Average();
            var std = Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, column.Count - 1));
            var floor = minimumScales?[j] ?? 0;

            // When most values are equal (IQR and MAD 0), the standard deviation would be set by the outliers themselves;
            // the feature's floor, when it has one, is the honest unit then.
            scales[j] = iqr > 1e-9 ? iqr / 1.349 : mad > 1e-9 ? mad / 0.6745 : floor > 0 ? floor : std > 1e-9 ? std : 1;
            scales[j] = Math.Max(scales[j], floor);
        }

        return new RobustScaler(medians, scales);
    }

    /// <summary>The scaled row: (value - median) / spread, 0 for unknown values.</summary>
    public double[] Transform(IReadOnlyList<double> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var result = new double[row.Count];
        for (var j = 0; j < row.Count; j++)
        {
            result[j] = double.IsFinite(row[j]) ? (row[j] - Medians[j]) / Scales[j] : 0;
        }

        return result;
    }

    /// <summary>
    /// The scaled row with each value passed through sign(z) ln(1 + |z|): ordinary spread (|z| about 1) stays nearly linear
    /// while a value thousands of spreads out counts a few units, so no single feature decides a distance alone.
    /// </summary>
    public double[] TransformCompressed(IReadOnlyList<double> row) => Transform(row).Select(z => Math.Sign(z) * Math.Log(1 + Math.Abs(z))).ToArray();

    private static double Quantile(List<double> sorted, double q)
    {
        var pos = q * (sorted.Count - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(sorted.Count - 1, lo + 1);
        return sorted[lo] + ((pos - lo) * (sorted[hi] - sorted[lo]));
    }
}
