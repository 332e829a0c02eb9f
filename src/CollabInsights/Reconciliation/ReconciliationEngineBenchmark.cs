using System.Diagnostics;
using CollabInsights.Reconciliation.Internal;

namespace CollabInsights.Reconciliation;

/// <summary>
/// Benchmark of the two reconciliation engines on the data of <see cref="ReconciliationBenchmark.Generate"/>: DuckDB writes N match rows per
/// side to Parquet (from <c>range(N)</c>, so N can exceed memory), the DuckDB engine reconciles them, then, when asked, the in-memory engine
/// reconciles the same records as objects. Each engine is timed from its data at rest and its phase's peak working set is sampled.
/// </summary>
public static class ReconciliationEngineBenchmark
{
    /// <summary>Runs one size; <paramref name="workDirectory"/> receives the Parquet files (deleted afterwards).</summary>
    public static async Task<ReconciliationEngineBenchmarkResult> RunAsync(
        long n,
        bool runMemory,
        string workDirectory,
        ReconciliationEngineOptions? engine = null,
        IProgress<ReconciliationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (n < 100)
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidArgument, $"The engine benchmark needs at least 100 records per side (one of each planted class per 100); {n} was asked for.", nameof(n));
        }

        if (runMemory && n > int.MaxValue / 2)
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidArgument, $"The in-memory engine cannot hold {n} records per side; run the DuckDB engine alone at this size.", nameof(n));
        }

        var dir = Path.Combine(Path.GetFullPath(workDirectory), $"reconcile-{n}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var e = engine ?? new ReconciliationEngineOptions();
        e = e with { TempDirectory = e.TempDirectory ?? Path.Combine(dir, "spill") };
        try
        {
            var offPath = Path.Combine(dir, "off_rows.parquet");
            var onPath = Path.Combine(dir, "on_rows.parquet");
            var clock = Stopwatch.StartNew();
            using (var session = await DuckDbSession.OpenAsync(e, cancellationToken).ConfigureAwait(false))
            {
                var connection = session.Connection;
                DuckDbSession.Execute(connection, $"COPY ({BenchmarkRows.Select(n, chain: false)}) TO {DuckDbSession.Literal(offPath)} (FORMAT PARQUET)");
                DuckDbSession.Execute(connection, $"COPY ({BenchmarkRows.Select(n, chain: true)}) TO {DuckDbSession.Literal(onPath)} (FORMAT PARQUET)");
            }

            var generateSeconds = clock.Elapsed.TotalSeconds;
            var parquetBytes = new FileInfo(offPath).Length + new FileInfo(onPath).Length;
            var temp = Path.GetFullPath(e.TempDirectory);
            GC.Collect();
            ReconciliationResult duck;
            double duckSeconds, duckCpu, cpu;
            long duckPeak, spillPeak;
            using (var sampler = new PeakMemorySampler())
            using (var spill = new DirectorySizeSampler(temp))
            {
                clock.Restart();
                cpu = CpuSeconds();
                duck = await DuckDbReconciler.ReconcileParquetAsync(offPath, onPath, null, e, keepMatchedEntries: false, progress, cancellationToken).ConfigureAwait(false);
                duckSeconds = clock.Elapsed.TotalSeconds;
                duckCpu = CpuSeconds() - cpu;
                duckPeak = sampler.PeakBytes;
                spillPeak = spill.PeakBytes;
            }

            var duckCounts = Named(duck.Counts);
            duck = null!;
            double? memorySeconds = null, memoryCpu = null;
            long? memoryPeak = null;
            IReadOnlyDictionary<string, long>? memoryCounts = null;
            if (runMemory)
            {
                GC.Collect();
                using var sampler = new PeakMemorySampler();
                var (offChain, onChain) = ReconciliationBenchmark.Generate((int)n);
                clock.Restart();
                cpu = CpuSeconds();
                var ours = Reconciler.Reconcile(offChain, onChain, new ReconciliationOptions { IncludeResults = false }, keepMatchedEntries: false);
                memorySeconds = clock.Elapsed.TotalSeconds;
                memoryCpu = CpuSeconds() - cpu;
                memoryPeak = sampler.PeakBytes;
                memoryCounts = Named(ours.Counts);
            }

            return new ReconciliationEngineBenchmarkResult(n, duckSeconds, duckPeak, duckCounts, generateSeconds, parquetBytes, spillPeak, memorySeconds, memoryPeak, memoryCounts, Planted(n),
                e.MemoryLimitBytes ?? ReconciliationEngineOptions.DefaultMemoryLimitBytes)
            {
                DuckDbCpuSeconds = duckCpu,
                MemoryCpuSeconds = memoryCpu,
            };
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The counts <see cref="ReconciliationBenchmark.Generate"/> plants for <paramref name="n"/> records: record i falls in class i % 100 for i % 100 below 4.</summary>
    public static IReadOnlyDictionary<string, long> Planted(long n)
    {
        long Of(int k) => (n / 100) + (n % 100 > k ? 1 : 0);
        return new Dictionary<string, long>
        {
            ["matched"] = n - Of(0) - Of(1) - Of(2) - Of(3),
            ["amount_mismatch"] = Of(0),
            ["period_mismatch"] = Of(1),
            ["counterparty_mismatch"] = Of(2),
            ["only_on_chain"] = Of(3),
            ["only_off_chain"] = Of(3),
        };
    }

    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static Dictionary<string, long> Named(IReadOnlyDictionary<ReconciliationClass, long> counts) =>
        Enum.GetValues<ReconciliationClass>().ToDictionary(ReconciliationResult.NameOf, c => counts[c]);
}
