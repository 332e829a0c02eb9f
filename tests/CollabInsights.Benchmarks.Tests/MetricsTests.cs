using CollabInsights.Benchmarks;

namespace CollabInsights.Benchmarks.Tests;

public sealed class MetricsTests
{
    [Fact]
    public void Percentiles_of_one_to_one_hundred_interpolate_between_ranks()
    {
        var stats = LatencyStats.From(Enumerable.Range(1, 100).Select(i => (double)(101 - i)));
        Assert.Equal(100, stats.Count);
        Assert.Equal(1, stats.MinMs);
        Assert.Equal(100, stats.MaxMs);
        Assert.Equal(50.5, stats.AvgMs, 9);
        Assert.Equal(50.5, stats.P50Ms, 9);
        Assert.Equal(95.05, stats.P95Ms, 9);
        Assert.Equal(99.01, stats.P99Ms, 9);
    }

    [Fact]
    public void A_single_sample_is_every_percentile_and_no_samples_give_zeros()
    {
        var one = LatencyStats.From([7.5]);
        Assert.Equal(7.5, one.P50Ms);
        Assert.Equal(7.5, one.P99Ms);
        Assert.Equal(LatencyStats.Empty, LatencyStats.From([]));
    }

    [Fact]
    public void Skewed_samples_put_the_tail_in_p99_only()
    {
        var samples = Enumerable.Repeat(1.0, 990).Concat(Enumerable.Repeat(1000.0, 10)).ToList();
        var stats = LatencyStats.From(samples);
        Assert.Equal(1.0, stats.P50Ms);
        Assert.Equal(1.0, stats.P95Ms);
        Assert.Equal(1.0 + (0.01 * 999), stats.P99Ms, 6);
        Assert.Equal(10.99, stats.AvgMs, 6);
    }
}
