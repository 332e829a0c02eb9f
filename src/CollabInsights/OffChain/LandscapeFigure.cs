namespace CollabInsights.OffChain;

/// <summary>
/// One figure of the impact-bond landscape and the input rows it came from (<c>file:row</c>, 1-based data rows,
/// header excluded, in file then row order), so an evaluator can recompute it by hand.
/// </summary>
/// <param name="Value">The figure: a count, or an exact amount; null for an amount with nothing to compute it from (a median of no values).</param>
/// <param name="Rows">The rows behind the figure: for a count, the rows counted; for a sum, the rows summed; for a median, the row or two rows in the middle.</param>
public sealed record LandscapeFigure(decimal? Value, IReadOnlyList<string> Rows);
