namespace CollabInsights.Reconciliation;

/// <summary>
/// Progress of a reconciliation run: the first report is the estimate (<see cref="Step"/> 0), made before any long work; then one
/// report per finished step of the engine.
/// </summary>
/// <param name="Step">Steps done so far (0 for the estimate).</param>
/// <param name="Steps">Steps in all.</param>
/// <param name="Stage">What was just done, e.g. <c>estimate</c>, <c>load</c>, <c>pass 1 matched</c>.</param>
/// <param name="Estimate">The estimate made before the run.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record ReconciliationProgress(int Step, int Steps, string Stage, ReconciliationEstimate Estimate, TimeSpan Elapsed);
