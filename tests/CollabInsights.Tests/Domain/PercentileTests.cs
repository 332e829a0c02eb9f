using CollabInsights.Domain;

namespace CollabInsights.Tests.Domain;

public class PercentileTests
{
    private static readonly double[] OneToHundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

    [Fact]
    public void Percentiles_interpolate_linearly_between_the_closest_ranks()
    {
        Assert.Equal(50.5, Percentile.Of(OneToHundred, 50), 12);
        Assert.Equal(95.05, Percentile.Of(OneToHundred, 95), 12);
        Assert.Equal(1, Percentile.Of(OneToHundred, 0));
        Assert.Equal(100, Percentile.Of(OneToHundred, 100));
    }

    [Fact]
    public void A_median_is_the_middle_value_or_exactly_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(2, Percentile.Median([1.0, 2.0, 10.0]));
        double[] pair = [0.1, 0.7];
        Assert.Equal((0.1 + 0.7) / 2, Percentile.Median(pair));
        Assert.Equal(850_000.5m, Percentile.Median([1m, 850_000m, 850_001m, 9_000_000m]));
        Assert.Equal([1, 2], Percentile.MedianIndexes(4));
        Assert.Equal([1], Percentile.MedianIndexes(3));
    }

    [Fact]
    public void No_values_have_no_percentile()
    {
        Assert.True(double.IsNaN(Percentile.Of([], 95)));
        Assert.Null(Percentile.Median(Array.Empty<decimal>()));
        Assert.Empty(Percentile.MedianIndexes(0));
    }

    [Fact]
    public void A_percent_outside_0_to_100_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of(OneToHundred, 101));
    }
}
