namespace CollabInsights.Domain;

/// <summary>
/// The kit's one percentile, used by every figure that reports a median or a percentile (benchmark latencies, peer
/// ratios, robust scores of the anomaly rules, the INDIGO landscape's medians). Definition: linear interpolation
/// between the closest ranks, the default of numpy and R's type 7 (Excel's PERCENTILE.INC): for n ascending values
/// x[0..n-1] the p-th percentile sits at rank h = p / 100 * (n - 1) and is x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]).
/// So the median (p = 50) is the middle value, or the mean of the two middle values: p50 of 1..100 is 50.5, p95 is
/// 95.05. No values have no percentile: <see cref="double.NaN"/> (a <see cref="decimal"/> median is null).
/// </summary>
public static class Percentile
{
    /// <summary>The <paramref name="percent"/>th percentile (0 to 100) of ascending <paramref name="sorted"/> values; NaN when there are none.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        if (percent is < 0 or > 100 || double.IsNaN(percent))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile is between 0 and 100.");
        }

        var rank = percent / 100.0 * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        var (a, b) = (sorted[lower], sorted[upper]);
        var fraction = rank - lower;

        // (1 - f)a + fb: exactly a at f = 0 and exactly (a + b) / 2 at f = 0.5, so a median is the mean of the middle pair to the last bit.
        return a == b ? a : ((1 - fraction) * a) + (fraction * b);
    }

    /// <summary>The median of ascending <paramref name="sorted"/> values (<see cref="Of(IReadOnlyList{double}, double)"/> at 50); NaN when there are none.</summary>
    public static double Median(IReadOnlyList<double> sorted) => Of(sorted, 50);

    /// <summary>The median of ascending <paramref name="sorted"/> amounts: the middle one, or the mean of the two middle ones (the same definition, exact in decimal); null when there are none.</summary>
    public static decimal? Median(IReadOnlyList<decimal> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }

    /// <summary>The indexes into ascending values of <paramref name="count"/> that a median reads: the middle one, or the two middle ones.</summary>
    public static IReadOnlyList<int> MedianIndexes(int count) =>
        count <= 0 ? [] : count % 2 == 1 ? [count / 2] : [(count / 2) - 1, count / 2];
}
