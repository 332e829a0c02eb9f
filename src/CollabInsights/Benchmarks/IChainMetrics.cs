namespace CollabInsights.Benchmarks;

/// <summary>
/// Extra figures a blockchain backend reports: gas from receipts and the time from submission
/// to a confirmation depth. The runner reads them after each write workload.
/// </summary>
public interface IChainMetrics
{
    /// <summary>Average gas used per record written since the last <see cref="ResetChainMetrics"/>, from the receipts; null when nothing was written.</summary>
    double? GasPerRecord { get; }

    /// <summary>Submit-to-confirmation latencies (ms) of the writes since the last <see cref="ResetChainMetrics"/>; waits for the confirmations if needed.</summary>
    Task<IReadOnlyList<double>> ConfirmationLatenciesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the gas and confirmation samples collected so far.</summary>
    void ResetChainMetrics();
}
