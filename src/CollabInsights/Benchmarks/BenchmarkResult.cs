namespace CollabInsights.Benchmarks;

/// <summary>
/// One row of <c>results.json</c>: one workload on one backend at one N, with Caliper's metrics
/// and the trade-off figures. Figures that do not apply to a backend are null.
/// </summary>
public sealed record BenchmarkResult
{
    /// <summary>Backend name.</summary>
    public required string Backend { get; init; }

    /// <summary>Workload name.</summary>
    public required string Workload { get; init; }

    /// <summary>Records written before the workload ran (the N of the scaling series).</summary>
    public required long N { get; init; }

    /// <summary>Rate controller used: <c>fixed-load</c> or <c>fixed-rate</c>.</summary>
    public required string RateControl { get; init; }

    /// <summary>Operations that succeeded (records for the write workloads).</summary>
    public long Succeeded { get; init; }

    /// <summary>Operations that failed.</summary>
    public long Failed { get; init; }

    /// <summary>Operations submitted per second: (submitted - 1) over the time from the first to the last submission.</summary>
    public double SendRateTps { get; init; }

    /// <summary>Successful operations per second (first submission to last completion); records per second for writes.</summary>
    public double ThroughputTps { get; init; }

    /// <summary>Latency per operation (for chain writes: submit to inclusion in a block).</summary>
    public required LatencyStats Latency { get; init; }

    /// <summary>Chain writes only: submit to <see cref="BenchmarkOptions.ConfirmationDepth"/> confirmations.</summary>
    public LatencyStats? ConfirmationLatency { get; init; }

    /// <summary>Storage per record in bytes, measured after the write workloads.</summary>
    public double? BytesPerRecord { get; init; }

    /// <summary>Chain only: gas used per record, from the transaction receipts.</summary>
    public double? GasPerRecord { get; init; }

    /// <summary>Chain only: <see cref="GasPerRecord"/> at the configured gas and ETH prices, in US dollars.</summary>
    public double? CostPerRecordUsd { get; init; }

    /// <summary>audit-proof only: average time to verify one record's proof, in milliseconds.</summary>
    public double? VerifyMs { get; init; }

    /// <summary>audit-proof only: what kind of proof the backend gives.</summary>
    public string? ProofKind { get; init; }

    /// <summary>audit-proof only: average proof size in bytes.</summary>
    public double? ProofBytes { get; init; }

    /// <summary>tamper only: whether the changed record was detected.</summary>
    public bool? TamperDetected { get; init; }

    /// <summary>Free text: the tamper check's explanation, the first error, or what the figures mean.</summary>
    public string? Note { get; init; }
}
