namespace CollabInsights.Reconciliation;

/// <summary>Which engine reconciles: objects in memory, SQL in DuckDB (spills to disk), or chosen by size.</summary>
public enum ReconciliationEngine
{
    /// <summary>In-memory hashing when the two sides together hold at most <see cref="ReconciliationEngineOptions.AutoThreshold"/> records, DuckDB above.</summary>
    Auto,

    /// <summary>Both sides as objects in memory (about 1.1 KB per record pair): fastest at small sizes; the only engine that supports an amount tolerance.</summary>
    Memory,

    /// <summary>SQL in DuckDB over tables or Parquet, with a memory limit and a temp directory to spill to: for sides larger than memory.</summary>
    DuckDb,
}
