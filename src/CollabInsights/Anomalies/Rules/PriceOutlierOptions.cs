namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="PriceOutlierRule"/>.</summary>
/// <param name="Threshold">Robust z-score (0.6745 (x - median) / MAD on the log price) above which a price is flagged (default 3.5, Iglewicz and Hoaglin).</param>
/// <param name="MinGroupSize">Fewest comparable prices needed before a price is judged (default 5).</param>
/// <param name="Grouping">Which prices are comparable (default <see cref="PriceGrouping.MetricTypeThenSector"/>).</param>
/// <param name="HighOnly">Flag only prices far above their peers (default false: both directions).</param>
public sealed record PriceOutlierOptions(double Threshold = 3.5, int MinGroupSize = 5, PriceGrouping Grouping = PriceGrouping.MetricTypeThenSector, bool HighOnly = false);
