namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="PriceOutlierRule"/>.</summary>
/// <param name="Threshold">Robust z-score (0.6745 (x - median) / MAD on the log price) above which a price is far from its peers (default 3.5, Iglewicz and Hoaglin).</param>
/// <param name="MinGroupSize">Fewest comparable prices needed before a price is judged against its peers (default 5: with fewer, the median and MAD of a handful of prices flag ordinary spread).</param>
/// <param name="Grouping">Which prices are comparable (default <see cref="PriceGrouping.MetricTypeThenSector"/>: the same metric definition; the policy sector only for a metric whose definition no other metric shares, since a sector mixes metric types of very different prices).</param>
/// <param name="HighOnly">Flag only prices far above their peers or above what was paid per outcome (default false: both directions).</param>
/// <param name="MinimumScale">Floor of the robust spread of log prices (default 0.1), so a group of near-identical prices does not flag small differences.</param>
/// <param name="MinRatio">A price is far from its peers only if it is also at least this many times their median, or at most its inverse (default 5: prices for the same outcome commonly vary several-fold between contracts and currencies, so only an order-of-magnitude gap is called far).</param>
/// <param name="PaidTolerance">Share by which the stated price may differ from the price per outcome its own payments imply (actual payments of a period over the outcomes achieved in it) before a flag (default 0.25).</param>
/// <param name="MinPaidPeriods">Fewest periods that must agree on the implied price per outcome (within <paramref name="PeriodAgreement"/> of each other, and more than half of the paid periods) before the stated price is compared with it (default 2).</param>
/// <param name="PeriodAgreement">Relative difference within which two periods' implied prices agree (default 0.05, which absorbs cent rounding and small deductions).</param>
public sealed record PriceOutlierOptions(
    double Threshold = 3.5,
    int MinGroupSize = 5,
    PriceGrouping Grouping = PriceGrouping.MetricTypeThenSector,
    bool HighOnly = false,
    double MinimumScale = 0.1,
    double MinRatio = 5.0,
    double PaidTolerance = 0.25,
    int MinPaidPeriods = 2,
    double PeriodAgreement = 0.05);
