using System.CommandLine;
using System.Globalization;
using CollabInsights.Reconciliation;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab bench reconcile --n N</c>: our reconciliation against DuckDB's joins on the same data in the same run.</summary>
internal static class BenchReconcileCommand
{
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Records per side (default 1,000,000); 1% of each mismatch class.", DefaultValueFactory = _ => 1_000_000 };
        var outFile = new Option<string>("--out") { Description = "File to write the result JSON to (default bench-results/reconcile.json).", DefaultValueFactory = _ => Path.Combine("bench-results", "reconcile.json") };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("reconcile", "Benchmark: reconcile N on-chain against N off-chain payments with 1% differences of each class, ours versus a DuckDB full outer join (plus the mismatch joins) of the same data in the same run; times, peak memory, identical counts.")
        {
            n, outFile, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var result = await ReconciliationBenchmark.RunAsync(parseResult.GetValue(n), ct).ConfigureAwait(false);
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
            var file = parseResult.GetValue(outFile)!;
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
}
