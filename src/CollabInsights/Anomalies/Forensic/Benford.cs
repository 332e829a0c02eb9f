namespace CollabInsights.Anomalies.Forensic;

/// <summary>
/// Benford's law as Nigrini's digit tests use it (M. Nigrini, <i>Forensic Analytics</i>, 2nd ed., Wiley 2020; <i>Benford's Law</i>, Wiley 2012):
/// expected proportions, the digits of an amount, the per-digit z statistic with its continuity correction, the mean absolute
/// deviation (MAD) and Nigrini's MAD conformity ranges.
/// </summary>
public static class Benford
{
    /// <summary>The two-sided critical z value at the 5% level that Nigrini uses for a digit's spike (1.96).</summary>
    public const double CriticalZ = 1.96;

    /// <summary>Expected proportion of leading digits <paramref name="digits"/> (1-9, 10-99 or 100-999): log10(1 + 1/digits).</summary>
    public static double Expected(int digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        return Math.Log10(1 + (1.0 / digits));
    }

    /// <summary>
    /// The first three significant digits of a positive amount as an integer 100-999 (10 gives 100, 12.5 gives 125, 93911.4 gives 939),
    /// computed in decimal so no binary rounding moves a digit. The first digit is the result / 100, the first two the result / 10.
    /// </summary>
    public static int FirstThree(decimal amount)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Digit tests take positive amounts.");
        }

        while (amount >= 1000m)
        {
            amount /= 10m;
        }

        while (amount < 100m)
        {
            amount *= 10m;
        }

        return (int)decimal.Floor(amount);
    }

    /// <summary>The last two digits (0-99) of the whole-unit part of <paramref name="amount"/> (1234.56 gives 34).</summary>
    public static int LastTwo(decimal amount) => (int)(decimal.Floor(Math.Abs(amount)) % 100m);

    /// <summary>
    /// Nigrini's z statistic of one digit: (|AP - EP| - 1/(2N)) / sqrt(EP (1 - EP) / N), where the continuity correction 1/(2N)
    /// is applied only when it is smaller than |AP - EP| (otherwise it is left out).
    /// </summary>
    public static double Z(double actual, double expected, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var diff = Math.Abs(actual - expected);
        var correction = 1.0 / (2.0 * n);
        var numerator = correction < diff ? diff - correction : diff;
        return numerator / Math.Sqrt(expected * (1 - expected) / n);
    }

    /// <summary>
    /// Nigrini's MAD conformity ranges: the upper bounds of close conformity, acceptable conformity and marginally acceptable conformity
    /// (first digit 0.006 / 0.012 / 0.015; first two 0.0012 / 0.0018 / 0.0022; first three 0.00036 / 0.00044 / 0.00050); beyond the last,
    /// nonconformity. Null for a test without published ranges (last two digits).
    /// </summary>
    public static IReadOnlyList<double>? ConformityBounds(string test) => test switch
    {
        ForensicTestNames.FirstDigit => [0.006, 0.012, 0.015],
        ForensicTestNames.FirstTwoDigits => [0.0012, 0.0018, 0.0022],
        ForensicTestNames.FirstThreeDigits => [0.00036, 0.00044, 0.00050],
        _ => null,
    };

    /// <summary>Nigrini's verdict for a MAD: "close conformity", "acceptable conformity", "marginally acceptable conformity" or "nonconformity" (bounds inclusive).</summary>
    public static string Conformity(string test, double mad)
    {
        var bounds = ConformityBounds(test) ?? throw new CollabInsightsException($"Nigrini publishes no MAD conformity ranges for {test}; use one of {ForensicTestNames.FirstDigit}, {ForensicTestNames.FirstTwoDigits}, {ForensicTestNames.FirstThreeDigits}.");
        return mad <= bounds[0] ? "close conformity" : mad <= bounds[1] ? "acceptable conformity" : mad <= bounds[2] ? "marginally acceptable conformity" : "nonconformity";
    }
}
