namespace CollabInsights.Benchmarks;

/// <summary>
/// A store of <see cref="BenchOutcomeRecord"/>s that the benchmark runs the same workload
/// against: a plain database table, a hash-chained ledger table, or a smart contract on a chain.
/// Implementations are safe for concurrent calls (the runner's fixed-load clients share one instance).
/// </summary>
public interface ILedgerBackend : IAsyncDisposable
{
    /// <summary>Short name used in results, e.g. <c>sqlite</c>, <c>hashchain-postgres</c>, <c>anvil-1s</c>.</summary>
    string Name { get; }

    /// <summary>Whether the backend claims to detect a record changed behind its back.</summary>
    bool IsTamperEvident { get; }

    /// <summary>Creates empty storage, dropping whatever an earlier run left.</summary>
    Task ResetAsync(CancellationToken cancellationToken);

    /// <summary>Writes one record in its own transaction.</summary>
    Task WriteAsync(BenchOutcomeRecord record, CancellationToken cancellationToken);

    /// <summary>Writes several records in one transaction (or one block of transactions on a chain).</summary>
    Task WriteBatchAsync(IReadOnlyList<BenchOutcomeRecord> records, CancellationToken cancellationToken);

    /// <summary>Makes every write so far durable and provable (seals the open Merkle block, waits for mining).</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Point lookup by record id; null when absent.</summary>
    Task<BenchOutcomeRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records whose period lies within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    Task<IReadOnlyList<BenchOutcomeRecord>> QueryPeriodAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Total amount paid per funder (currency of the workload), sorted by funder id.</summary>
    Task<IReadOnlyDictionary<string, decimal>> PaidPerFunderAsync(CancellationToken cancellationToken);

    /// <summary>Evidence that record <paramref name="id"/> is stored unaltered; <see cref="AuditProofKind.None"/> when the backend has none.</summary>
    Task<AuditProof> ProveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Checks <paramref name="proof"/> against the backend's trusted anchor (published head hash, block header).</summary>
    Task<bool> VerifyAsync(AuditProof proof, CancellationToken cancellationToken);

    /// <summary>Changes one column of one stored record directly in storage, bypassing the backend's write path (raw SQL, or a raw storage write on a chain).</summary>
    /// <param name="id">Record to change.</param>
    /// <param name="column">Column to change: one of <see cref="TamperColumns"/>.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    Task TamperAsync(string id, string column, CancellationToken cancellationToken);

    /// <summary>The columns <see cref="TamperAsync"/> can change on this backend.</summary>
    IReadOnlyList<string> TamperColumns { get; }

    /// <summary>Checks all stored records for changes made behind the backend's back.</summary>
    Task<TamperCheck> DetectTamperingAsync(CancellationToken cancellationToken);

    /// <summary>Bytes of storage used per stored record (tables, indexes, hash and block data; on a chain the event data and contract storage).</summary>
    Task<double> BytesPerRecordAsync(long recordCount, CancellationToken cancellationToken);
}
