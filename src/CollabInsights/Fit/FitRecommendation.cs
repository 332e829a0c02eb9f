namespace CollabInsights.Fit;

/// <summary>
/// The outcome of <see cref="FitAssessment.Assess"/>: the verdict, what each framework concluded
/// on its own, and every reason with its citation.
/// </summary>
/// <param name="Verdict">The combined recommendation.</param>
/// <param name="Summary">One sentence for people: the verdict and its main reason.</param>
/// <param name="WustGervais">Wüst &amp; Gervais' flowchart outcome: no blockchain, permissioned private, permissioned public, or permissionless.</param>
/// <param name="PedersenRisiusBeck">The ten-step decision path's outcome.</param>
/// <param name="Nist">NIST IR 8202 §9's outcome.</param>
/// <param name="Reasons">Reasons in the order they were found, each cited.</param>
public sealed record FitRecommendation(FitVerdict Verdict, string Summary, string WustGervais, string PedersenRisiusBeck, string Nist, IReadOnlyList<FitReason> Reasons);
