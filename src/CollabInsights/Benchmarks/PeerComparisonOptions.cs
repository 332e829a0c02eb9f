namespace CollabInsights.Benchmarks;

/// <summary>Options of <see cref="PeerComparison"/>; defaults stated per property.</summary>
public sealed record PeerComparisonOptions
{
    /// <summary>Records inserted by each side in each round. Default 10,000.</summary>
    public long N { get; init; } = 10_000;

    /// <summary>Concurrent clients on both sides of the PostgreSQL comparison (pgbench <c>-c</c>/<c>-j</c>). Default 4.</summary>
    public int Clients { get; init; } = 4;

    /// <summary>Rounds; each runs both sides back to back (odd rounds ours first, even rounds the peer first), and the ratio is the median of the per-round ratios. Default 3.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Seed of the workload generator. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Which comparisons to run: <c>postgres</c> (against pgbench) and/or <c>sqlite</c> (against a plain loop). Default both.</summary>
    public IReadOnlyList<string> Peers { get; init; } = ["postgres", "sqlite"];

    /// <summary>PostgreSQL connection string; null reads <c>COLLAB_PG</c>.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>The pgbench executable; null finds <c>pgbench</c> on PATH or under /usr/lib/postgresql/*/bin.</summary>
    public string? PgbenchPath { get; init; }

    /// <summary>Largest acceptable shortfall of our throughput against the peer's, as a fraction. Default 0.20 (within 20%).</summary>
    public double Tolerance { get; init; } = 0.20;
}
