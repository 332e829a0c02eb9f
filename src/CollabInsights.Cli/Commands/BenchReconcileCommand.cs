using System.CommandLine;
using System.Globalization;
using CollabInsights.Reconciliation;

namespace CollabInsights.Cli.Commands;

/// <summary>
/// <c>collab bench reconcile --n N</c>: our reconciliation against DuckDB's joins on the same data in the same run; with
/// <c>--engine memory|duckdb|both</c>, the two reconciliation engines at one or more sizes (<c>--n 1e6 5e6 5e7</c>) with peak memory.
/// </summary>
internal static class BenchReconcileCommand
{
    public static Command Create()
    {
        var n = new Option<string[]>("--n")
        {
            Description = "Records per side (default 1,000,000; 1e6 and 5e7 are read); 1% of each mismatch class. With --engine, several sizes may follow (--n 1e6 5e6).",
            DefaultValueFactory = _ => ["1000000"],
            AllowMultipleArgumentsPerToken = true,
        };
        n.Validators.Add(r =>
        {
            foreach (var value in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (EngineCliOptions.ParseCount(value) is not { } count || count < 100)
                {
                    r.AddError($"--n must be a whole number of records of at least 100, such as 1000000 or 5e7; got '{value}'.");
                }
            }
        });
        var outFile = new Option<string>("--out") { Description = "File to write the result JSON to (default bench-results/reconcile.json, or bench-results/reconcile-engines.json with --engine).", };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var workDir = new Option<string>("--work-dir") { Description = "With --engine: folder for the generated Parquet files (default bench-results/work; removed after each size).", DefaultValueFactory = _ => Path.Combine("bench-results", "work") };
        var engine = new EngineCliOptions("memory", "duckdb", "both");
        engine.Engine.DefaultValueFactory = null;
        engine.Engine.Description = "Benchmark the reconciliation engines instead of the plain DuckDB joins: duckdb (the DuckDB engine over Parquet match rows written by DuckDB, so N can exceed memory), memory, or both (the same records, both engines, same run).";
        var command = new Command("reconcile", "Benchmark: reconcile N on-chain against N off-chain payments with 1% differences of each class, ours versus a DuckDB full outer join (plus the mismatch joins) of the same data in the same run; or, with --engine, the in-memory and the DuckDB reconciliation engines at several sizes with peak memory and spill. Times, peak memory, identical counts.")
        {
            n, outFile, json, workDir,
        };
        engine.AddTo(command);
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var sizes = parseResult.GetValue(n)!.Select(v => EngineCliOptions.ParseCount(v)!.Value).ToList();
            if (parseResult.GetValue(engine.Engine) is { } which)
            {
                return await RunEnginesAsync(parseResult, sizes, which, engine, parseResult.GetValue(workDir)!, parseResult.GetValue(outFile) ?? Path.Combine("bench-results", "reconcile-engines.json"), parseResult.GetValue(json), ct).ConfigureAwait(false);
            }

            if (sizes.Count != 1 || sizes[0] > int.MaxValue)
            {
                throw new CollabInsightsException("Without --engine the benchmark runs one size that fits in memory; pass a single --n, or add --engine duckdb for larger or several sizes.");
            }

            var result = await ReconciliationBenchmark.RunAsync((int)sizes[0], ct).ConfigureAwait(false);
            var report = new
            {
                n = result.N,
                ours_seconds = result.OursSeconds,
                duckdb_seconds = result.DuckDbSeconds,
                duckdb_load_seconds = result.DuckDbLoadSeconds,
                ratio = result.Ratio,
                identical_counts = result.IdenticalCounts,
                peak_bytes_after_ours = result.PeakBytesAfterOurs,
                peak_bytes_after_duckdb = result.PeakBytesAfterDuckDb,
                ours_counts = result.OursCounts,
                duckdb_counts = result.DuckDbCounts,
            };
            var file = parseResult.GetValue(outFile) ?? Path.Combine("bench-results", "reconcile.json");
            if (!await CliCommand.WriteJsonResultAsync(report, file, parseResult.GetValue(json), output, ct).ConfigureAwait(false))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"N = {result.N:N0} per side: ours {result.OursSeconds:0.000} s, DuckDB {result.DuckDbSeconds:0.000} s (load {result.DuckDbLoadSeconds:0.000} s not counted), ratio {result.Ratio:0.00}; peak working set {result.PeakBytesAfterOurs / 1048576.0:0} MiB after ours, {result.PeakBytesAfterDuckDb / 1048576.0:0} MiB after DuckDB; identical counts: {(result.IdenticalCounts ? "yes" : "NO")}"));
                foreach (var (name, count) in result.OursCounts)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-22} ours {count,9:N0}   duckdb {result.DuckDbCounts.GetValueOrDefault(name),9:N0}"));
                }

                output.WriteLine($"Wrote {file}");
            }

            return result.IdenticalCounts ? 0 : 1;
        });
        return command;
    }

    private static async Task<int> RunEnginesAsync(ParseResult parseResult, List<long> sizes, string which, EngineCliOptions engine, string workDir, string file, bool json, CancellationToken ct)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var options = engine.Read(parseResult) with { Engine = ReconciliationEngine.DuckDb };
        var progress = EngineCliOptions.Printer(parseResult.InvocationConfiguration.Error);
        var results = new List<ReconciliationEngineBenchmarkResult>();
        foreach (var size in sizes)
        {
            var result = await ReconciliationEngineBenchmark.RunAsync(size, which != "duckdb", workDir, options, progress, ct).ConfigureAwait(false);
            results.Add(result);
            if (which == "memory")
            {
                // The DuckDB run is what checks the generated Parquet; the figures of interest are the in-memory engine's.
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N = {size:N0}: memory {result.MemorySeconds:0.00} s, peak {Mib(result.MemoryPeakBytes ?? 0)}"));
            }
        }

        var report = new
        {
            machine = new { cores = Environment.ProcessorCount, memory_bytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, load_average = LoadAverage() },
            runs = results.Select(r => new
            {
                n = r.N,
                duckdb_seconds = r.DuckDbSeconds,
                duckdb_cpu_seconds = r.DuckDbCpuSeconds,
                duckdb_peak_bytes = r.DuckDbPeakBytes,
                duckdb_memory_limit_bytes = r.MemoryLimitBytes,
                duckdb_spill_peak_bytes = r.SpillPeakBytes,
                parquet_bytes = r.ParquetBytes,
                generate_seconds = r.GenerateSeconds,
                memory_seconds = r.MemorySeconds,
                memory_cpu_seconds = r.MemoryCpuSeconds,
                memory_peak_bytes = r.MemoryPeakBytes,
                ratio_duckdb_over_memory = r.Ratio,
                identical_counts = r.IdenticalCounts,
                planted_counts = r.PlantedCounts,
                duckdb_counts = r.DuckDbCounts,
                memory_counts = r.MemoryCounts,
            }),
        };
        if (!await CliCommand.WriteJsonResultAsync(report, file, json, output, ct).ConfigureAwait(false))
        {
            foreach (var r in results)
            {
                var duck = string.Create(CultureInfo.InvariantCulture,
                    $"N = {r.N:N0} per side: duckdb {r.DuckDbSeconds:0.00} s, cpu {r.DuckDbCpuSeconds:0.0} s (peak {Mib(r.DuckDbPeakBytes)}, limit {Mib(r.MemoryLimitBytes)}, spill {Mib(r.SpillPeakBytes)}, Parquet {Mib(r.ParquetBytes)} written in {r.GenerateSeconds:0.0} s)");
                var memory = r.MemorySeconds is { } m ? string.Create(CultureInfo.InvariantCulture, $"; memory {m:0.00} s, cpu {r.MemoryCpuSeconds:0.0} s (peak {Mib(r.MemoryPeakBytes ?? 0)}); duckdb/memory {r.Ratio:0.00}") : string.Empty;
                output.WriteLine($"{duck}{memory}; counts as planted: {(r.IdenticalCounts ? "yes" : "NO")}");
            }

            output.WriteLine($"Wrote {file}");
        }

        return results.All(r => r.IdenticalCounts) ? 0 : 1;
    }

    /// <summary>The 1-minute load average from /proc/loadavg (null elsewhere): how busy the shared machine was.</summary>
    private static double? LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0} MiB");
}
