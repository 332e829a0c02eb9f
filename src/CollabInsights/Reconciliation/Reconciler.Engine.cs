using CollabInsights.Domain;

namespace CollabInsights.Reconciliation;

public static partial class Reconciler
{
    /// <summary>
    /// Reconciles with the engine <paramref name="engine"/> names: in memory (<see cref="Reconcile"/>), in DuckDB
    /// (<see cref="DuckDbReconciler.ReconcileAsync"/>), or, for <see cref="ReconciliationEngine.Auto"/>, DuckDB when both sides together hold
    /// more than <see cref="ReconciliationEngineOptions.AutoThreshold"/> records (and no amount tolerance is set). Both engines give the same result.
    /// The first progress report is the estimate of time, memory and disk.
    /// </summary>
    public static async Task<ReconciliationResult> ReconcileAsync(
        CollabDataset offChain,
        CollabDataset onChain,
        ReconciliationOptions? options = null,
        ReconciliationEngineOptions? engine = null,
        bool keepMatchedEntries = true,
        IProgress<ReconciliationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offChain);
        ArgumentNullException.ThrowIfNull(onChain);
        var e = engine ?? new ReconciliationEngineOptions();
        if (Choose(offChain, onChain, options ?? new ReconciliationOptions(), e) == ReconciliationEngine.DuckDb)
        {
            return await DuckDbReconciler.ReconcileAsync(offChain, onChain, options, e, keepMatchedEntries, progress, cancellationToken).ConfigureAwait(false);
        }

        var estimate = ReconciliationEstimate.For(Rows(offChain, options), Rows(onChain, options), ReconciliationEngine.Memory);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        progress?.Report(new ReconciliationProgress(0, 1, "estimate", estimate, clock.Elapsed));
        var result = Reconcile(offChain, onChain, options, keepMatchedEntries);
        progress?.Report(new ReconciliationProgress(1, 1, "matched in memory", estimate, clock.Elapsed));
        return result;
    }

    /// <summary>The engine <see cref="ReconciliationEngine.Auto"/> resolves to for these sides: DuckDB above the threshold unless an amount tolerance is set.</summary>
    public static ReconciliationEngine Choose(CollabDataset offChain, CollabDataset onChain, ReconciliationOptions options, ReconciliationEngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(offChain);
        ArgumentNullException.ThrowIfNull(onChain);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(engine);
        return engine.Engine switch
        {
            ReconciliationEngine.Memory => ReconciliationEngine.Memory,
            ReconciliationEngine.DuckDb => ReconciliationEngine.DuckDb,
            _ => options.AmountToleranceMinorUnits == 0 && Rows(offChain, options) + Rows(onChain, options) > engine.AutoThreshold
                ? ReconciliationEngine.DuckDb
                : ReconciliationEngine.Memory,
        };
    }

    private static long Rows(CollabDataset data, ReconciliationOptions? options) =>
        data.Payments.Count + ((options ?? new ReconciliationOptions()).IncludeResults ? data.Results.Count : 0L);
}
