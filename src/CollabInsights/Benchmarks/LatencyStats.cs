using CollabInsights.Domain;

namespace CollabInsights.Benchmarks;

/// <summary>
/// Latency summary in milliseconds as Hyperledger Caliper reports it (min, avg, max) plus
/// percentiles by the kit's one definition, <see cref="Percentile"/> (linear interpolation between the closest
/// ranks, the default of numpy and R type 7): p50 of 1..100 is 50.5, p95 is 95.05.
/// </summary>
/// <param name="Count">Number of samples.</param>
/// <param name="MinMs">Smallest latency.</param>
/// <param name="AvgMs">Mean latency.</param>
/// <param name="MaxMs">Largest latency.</param>
/// <param name="P50Ms">Median.</param>
/// <param name="P95Ms">95th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
public sealed record LatencyStats(long Count, double MinMs, double AvgMs, double MaxMs, double P50Ms, double P95Ms, double P99Ms)
{
    /// <summary>Statistics of no samples: every figure is 0.</summary>
    public static LatencyStats Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Summarises <paramref name="samplesMs"/> (milliseconds, any order).</summary>
    public static LatencyStats From(IEnumerable<double> samplesMs)
    {
        var sorted = samplesMs.ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        Array.Sort(sorted);
        return new LatencyStats(sorted.Length, sorted[0], sorted.Average(), sorted[^1], Percentile.Of(sorted, 50), Percentile.Of(sorted, 95), Percentile.Of(sorted, 99));
    }
}
