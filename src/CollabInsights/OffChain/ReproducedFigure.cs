namespace CollabInsights.OffChain;

/// <summary>One published figure beside ours, the difference, and why they differ.</summary>
/// <param name="Figure">The landscape key, e.g. <c>median_capital_usd</c>.</param>
/// <param name="Published">The figure as printed, e.g. <c>&gt; USD 764m</c>.</param>
/// <param name="PublishedValue">The printed number (a lower bound for "more than" figures).</param>
/// <param name="Ours">Our figure from the snapshot.</param>
/// <param name="Difference">Ours minus the published value.</param>
/// <param name="RelativeDifference">The difference as a share of the published value, rounded to 4 decimals.</param>
/// <param name="Explanation">Why they differ (or agree), naming the rows where the data can show it.</param>
public sealed record ReproducedFigure(string Figure, string Published, decimal PublishedValue, decimal? Ours, decimal? Difference, decimal? RelativeDifference, string Explanation);
