namespace CollabInsights.Anomalies;

/// <summary>Options of <see cref="AnomalyInjector"/>.</summary>
/// <param name="Seed">Seed of the random choices (default 1): the same seed and dataset give the same anomalies.</param>
/// <param name="Rate">Anomalies to inject as a share of the actual payments, spread evenly over the kinds (default 0.05); at least <paramref name="MinPerKind"/> of each kind.</param>
/// <param name="Kinds">Kinds to inject (default null: every rule kind plus <c>ml_outlier</c>, a payment inflated 1.5x to 3x that no rule names).</param>
/// <param name="MinPerKind">Fewest anomalies of each kind (default 2).</param>
/// <param name="ApprovalThreshold">The approval threshold split payments are kept just under (default 100,000, as <see cref="Rules.SplitPaymentOptions"/>).</param>
public sealed record AnomalyInjectorOptions(int Seed = 1, double Rate = 0.05, IReadOnlyCollection<string>? Kinds = null, int MinPerKind = 2, decimal ApprovalThreshold = 100_000m)
{
    /// <summary>Every kind the injector knows: the nine rule kinds and <c>ml_outlier</c>.</summary>
    public static IReadOnlyList<string> AllKinds { get; } = [.. FlagKinds.Rules, FlagKinds.MlOutlier];
}
