namespace CollabInsights.Governance;

/// <summary>
/// How concentrated the writes of one set of writers are. <see cref="NakamotoCoefficient"/>: the fewest writers that
/// together made more than half of the writes (1 means one writer alone holds the pen). <see cref="Hhi"/>: the
/// Herfindahl-Hirschman index, the sum of the squared percentage shares (0 to 10,000), read against the thresholds of
/// the US Department of Justice and Federal Trade Commission, Horizontal Merger Guidelines (19 August 2010), section
/// 5.3: below 1,500 unconcentrated, 1,500 to 2,500 moderately concentrated, above 2,500 highly concentrated (the 2023
/// Merger Guidelines lowered these to 1,000 and 1,800; the kit keeps the 2010 figures the literature on ledgers cites).
/// <see cref="Gini"/>: the Gini coefficient of the writers' write counts (0 all equal, towards 1 one writer does
/// everything; writers with no write are not counted).
/// </summary>
public sealed record ConcentrationMetrics(int Writers, long Writes, int NakamotoCoefficient, double Hhi, string HhiBand, double Gini, string? TopWriter, double TopShare)
{
    /// <summary>HHI at which a market counts as moderately concentrated (2010 Horizontal Merger Guidelines, §5.3).</summary>
    public const double ModeratelyConcentrated = 1500;

    /// <summary>HHI above which a market counts as highly concentrated (2010 Horizontal Merger Guidelines, §5.3).</summary>
    public const double HighlyConcentrated = 2500;

    /// <summary>The metrics of <paramref name="writesByWriter"/> (writer, number of writes); writers with no write are ignored.</summary>
    public static ConcentrationMetrics Measure(IEnumerable<KeyValuePair<string, long>> writesByWriter)
    {
        ArgumentNullException.ThrowIfNull(writesByWriter);
        var counts = writesByWriter.Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var total = counts.Sum(p => p.Value);
        if (total == 0)
        {
            return new ConcentrationMetrics(0, 0, 0, 0, Band(0), 0, null, 0);
        }

        var nakamoto = 0;
        long running = 0;
        foreach (var (_, count) in counts)
        {
            nakamoto++;
            running += count;
            if (running * 2 > total)
            {
                break;
            }
        }

        var hhi = counts.Sum(p => Math.Pow(100.0 * p.Value / total, 2));
        var ascending = counts.Select(p => (double)p.Value).OrderBy(v => v).ToList();
        var n = ascending.Count;
        var weighted = ascending.Select((v, i) => (i + 1) * v).Sum();
        var gini = n == 1 ? 0 : ((2 * weighted) / (n * ascending.Sum())) - ((n + 1.0) / n);
        return new ConcentrationMetrics(n, total, nakamoto, Math.Round(hhi, 2), Band(hhi), Math.Round(gini, 4), counts[0].Key, Math.Round((double)counts[0].Value / total, 4));
    }

    /// <summary>The 2010 Merger Guidelines' band of an HHI: <c>unconcentrated</c>, <c>moderately concentrated</c> or <c>highly concentrated</c>.</summary>
    public static string Band(double hhi) => hhi > HighlyConcentrated ? "highly concentrated" : hhi >= ModeratelyConcentrated ? "moderately concentrated" : "unconcentrated";
}
