using CollabInsights.Benchmarks;
using CollabInsights.Benchmarks.Internal;

namespace CollabInsights.Benchmarks.Tests;

public sealed class RateControlTests
{
    [Fact]
    public async Task Fixed_load_keeps_exactly_the_given_number_of_operations_in_flight()
    {
        var ct = TestContext.Current.CancellationToken;
        var inFlight = 0;
        var maxInFlight = 0;
        var sample = await LoadGenerator.RunAsync(40, null, RateControl.FixedLoad(4), async (_, t) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Delay(20, t);
            Interlocked.Decrement(ref inFlight);
        }, null, ct);

        Assert.Equal(4, maxInFlight);
        Assert.Equal(40, sample.Succeeded);
        Assert.Equal(40, sample.LatenciesMs.Count);
        Assert.All(sample.LatenciesMs, l => Assert.True(l >= 15, l.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Fixed_rate_never_sends_faster_than_the_rate_and_counts_failures()
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await LoadGenerator.RunAsync(30, null, RateControl.FixedRate(100), (i, _) => i % 10 == 3 ? throw new InvalidOperationException("boom") : Task.CompletedTask, null, ct);

        Assert.Equal(30, sample.Submitted);
        Assert.Equal(3, sample.Failed);
        Assert.Equal(27, sample.Succeeded);
        Assert.Equal("boom", sample.FirstError);
        Assert.True(sample.LastSubmitS >= 29 / 100.0, $"operation 29 at 100/s is due at 0.29 s, sent at {sample.LastSubmitS}");
        Assert.True(sample.SendRateTps < 150, sample.SendRateTps.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_duration_stops_the_workload_before_the_count()
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await LoadGenerator.RunAsync(1_000_000, TimeSpan.FromMilliseconds(200), RateControl.FixedLoad(1), (_, t) => Task.Delay(5, t), null, ct);
        Assert.InRange(sample.Submitted, 1, 100);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
