namespace CollabInsights.Benchmarks;

/// <summary>
/// The benchmark's workload identifiers, one constant each, as they appear in <see cref="BenchmarkOptions.Workloads"/>,
/// <see cref="BenchmarkResult.Workload"/>, <c>results.json</c> and <c>results.csv</c>. Compare with these, never with a literal.
/// </summary>
public static class BenchmarkWorkloads
{
    /// <summary>Write N records, one per transaction, each awaited.</summary>
    public const string Write = "write";

    /// <summary>Write N records in batches.</summary>
    public const string WriteBatch = "write-batch";

    /// <summary>Read one record by id.</summary>
    public const string PointLookup = "point-lookup";

    /// <summary>Read the records of a one-year window.</summary>
    public const string RangeQuery = "range-query";

    /// <summary>Total paid per funder.</summary>
    public const string Aggregate = "aggregate";

    /// <summary>Make and verify the proof that one record is in the store.</summary>
    public const string AuditProof = "audit-proof";

    /// <summary>Change one stored record behind the system's back and run the backend's own check.</summary>
    public const string Tamper = "tamper";

    /// <summary>An insider who recomputes every hash after the change; only an external anchor catches it.</summary>
    public const string TamperInsider = "tamper-insider";

    /// <summary>Every workload, in the order the runner executes them for each backend and N.</summary>
    public static IReadOnlyList<string> All { get; } = [Write, WriteBatch, PointLookup, RangeQuery, Aggregate, AuditProof, Tamper, TamperInsider];

    /// <summary>True for the two workloads that write the records (<see cref="Write"/>, <see cref="WriteBatch"/>).</summary>
    public static bool Writes(string workload) => workload is Write or WriteBatch;
}
