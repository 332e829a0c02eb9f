namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="PriceOutlierRule"/>.</summary>
/// <param name="Threshold">Robust z-score (0.6745 (x - median) / MAD on the log price) above which a price is flagged (default 3.5, Iglewicz and Hoaglin).</param>
/// <param name="MinGroupSize">Fewest comparable prices needed before a price is judged (default 3; the spread floor <paramref name="MinimumScale"/> keeps small groups from flagging small differences).</param>
/// <param name="Grouping">Which prices are comparable (default <see cref="PriceGrouping.MetricTypeThenSector"/>: the same metric definition; the policy sector only for a metric whose definition no other metric shares, since a sector mixes metric types of very different prices).</param>
/// <param name="HighOnly">Flag only prices far above their peers (default false: both directions).</param>
/// <param name="MinimumScale">Floor of the robust spread of log prices (default 0.1): with the default threshold a price within about 1.4x of its peers' median is never flagged, however alike the peers are.</param>
public sealed record PriceOutlierOptions(double Threshold = 3.5, int MinGroupSize = 3, PriceGrouping Grouping = PriceGrouping.MetricTypeThenSector, bool HighOnly = false, double MinimumScale = 0.1);
