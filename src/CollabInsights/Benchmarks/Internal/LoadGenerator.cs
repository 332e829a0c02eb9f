using System.Diagnostics;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>Runs operations under a <see cref="RateControl"/> and records when each was sent and finished.</summary>
internal static class LoadGenerator
{
    public sealed record Sample(List<double> LatenciesMs, long Submitted, long Failed, double FirstSubmitS, double LastSubmitS, double LastCompleteS, string? FirstError)
    {
        public long Succeeded => Submitted - Failed;

        public double SendRateTps => Submitted <= 1 ? ThroughputOf(Submitted) : (Submitted - 1) / Math.Max(LastSubmitS - FirstSubmitS, 1e-9);

        public double ThroughputTps => ThroughputOf(Succeeded);

        private double ThroughputOf(long count) => count / Math.Max(LastCompleteS - FirstSubmitS, 1e-9);
    }

    public static async Task<Sample> RunAsync(long count, TimeSpan? duration, RateControl rate, Func<long, CancellationToken, Task> operation, Action<long>? onDone, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var latencies = new List<double>((int)Math.Min(count, 10_000_000));
        var gate = new object();
        long next = -1, submitted = 0, failed = 0, done = 0;
        double firstSubmit = double.MaxValue, lastSubmit = 0, lastComplete = 0;
        string? firstError = null;
        var deadline = duration is { } d ? d.TotalSeconds : double.MaxValue;

        async Task RunOne(long index)
        {
            var start = clock.Elapsed.TotalSeconds;
            lock (gate)
            {
                submitted++;
                firstSubmit = Math.Min(firstSubmit, start);
                lastSubmit = Math.Max(lastSubmit, start);
            }

            string? error = null;
            try
            {
                await operation(index, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                error = ex.Message;
            }

            var end = clock.Elapsed.TotalSeconds;
            lock (gate)
            {
                lastComplete = Math.Max(lastComplete, end);
                if (error is null)
                {
                    latencies.Add((end - start) * 1000.0);
                }
                else
                {
                    failed++;
                    firstError ??= error;
                }
            }

            onDone?.Invoke(Interlocked.Increment(ref done));
        }

        if (rate.RateTps is { } tps)
        {
            if (tps <= 0)
            {
                throw new CollabInsightsException($"The send rate must be positive (got {tps} tps).");
            }

            var inFlight = new List<Task>();
            for (long i = 0; i < count && clock.Elapsed.TotalSeconds < deadline; i++)
            {
                await WaitUntilAsync(clock, i / tps, cancellationToken).ConfigureAwait(false);
                var index = i;
                inFlight.Add(Task.Run(() => RunOne(index), cancellationToken));
            }

            await Task.WhenAll(inFlight).ConfigureAwait(false);
        }
        else
        {
            var clients = Math.Max(1, rate.Clients);
            // One thread per client, like pgbench's -j threads: a backend whose calls block (PostgreSQL) keeps its thread
            // while it waits, without starving the thread pool; an async backend moves to the pool at its first await.
            var workers = Enumerable.Range(0, clients).Select(_ => Task.Factory.StartNew(async () =>
            {
                while (true)
                {
                    var i = Interlocked.Increment(ref next);
                    if (i >= count || clock.Elapsed.TotalSeconds >= deadline)
                    {
                        return;
                    }

                    await RunOne(i).ConfigureAwait(false);
                }
            }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap());
            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new Sample(latencies, submitted, failed, submitted == 0 ? 0 : firstSubmit, lastSubmit, lastComplete, firstError);
    }

    /// <summary>
    /// Waits until the clock reads at least <paramref name="dueS"/> seconds: never early. Timer delays can return up to a
    /// tick before they are due, so the delay aims a little short and the last stretch is spun out.
    /// </summary>
    private static async Task WaitUntilAsync(Stopwatch clock, double dueS, CancellationToken cancellationToken)
    {
        var wait = dueS - clock.Elapsed.TotalSeconds;
        if (wait > 0.003)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait - 0.002), cancellationToken).ConfigureAwait(false);
        }

        var spinner = default(SpinWait);
        while (clock.Elapsed.TotalSeconds < dueS)
        {
            cancellationToken.ThrowIfCancellationRequested();
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
