namespace CollabInsights.Fit;

/// <summary>One reason behind a recommendation, cited to the framework step or measured figure that drove it.</summary>
/// <param name="Source">Where it comes from, e.g. <c>Wüst &amp; Gervais 2018, Q3</c>, <c>NIST IR 8202 §9</c> or <c>measured: results.json</c>.</param>
/// <param name="Step">The question or figure, e.g. the question text or <c>anvil-1s write throughput at N=1000</c>.</param>
/// <param name="Finding">What the answer or number means for the decision.</param>
/// <param name="Decisive">True when this reason changed the verdict (a gate or a failed requirement).</param>
public sealed record FitReason(string Source, string Step, string Finding, bool Decisive);
