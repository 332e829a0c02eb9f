using System.CommandLine;
using System.Globalization;
using CollabInsights.Carbon;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab bench carbon --n N</c>: serial-overlap detection, ours against DuckDB's interval join on the same blocks in the same run.</summary>
internal static class CarbonBenchCommand
{
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Credit blocks (default 10,000,000), about 50 per serial stem; one in 1,000 planted onto its neighbour.", DefaultValueFactory = _ => 10_000_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated blocks (default 42).", DefaultValueFactory = _ => 42 };
        var outFile = new Option<string>("--out") { Description = "File to write the result JSON to (default bench-results/carbon.json).", DefaultValueFactory = _ => Path.Combine("bench-results", "carbon.json") };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("carbon", "Benchmark: find every pair of overlapping serial blocks among N credit blocks, ours (sort and sweep) versus DuckDB's interval self-join of the same blocks in the same run; times, peak memory, identical pairs.")
        {
            n, seed, outFile, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var r = await SerialOverlapBenchmark.RunAsync(parseResult.GetValue(n), parseResult.GetValue(seed), ct).ConfigureAwait(false);
            var report = new
            {
                n = r.N,
                seed = r.Seed,
                stems = r.Stems,
                planted_pairs = r.PlantedPairs,
                ours_seconds = r.OursSeconds,
                duckdb_seconds = r.DuckDbSeconds,
                duckdb_load_seconds = r.DuckDbLoadSeconds,
                ratio = r.Ratio,
                ours_pairs = r.OursPairs,
                duckdb_pairs = r.DuckDbPairs,
                identical_pairs = r.IdenticalPairs,
                peak_bytes_after_ours = r.PeakBytesAfterOurs,
                peak_bytes_after_duckdb = r.PeakBytesAfterDuckDb,
                processors = Environment.ProcessorCount,
            };
            var file = parseResult.GetValue(outFile)!;
            if (!await CliCommand.WriteJsonResultAsync(report, file, parseResult.GetValue(json), output, ct).ConfigureAwait(false))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"N = {r.N:N0} blocks in {r.Stems:N0} stems, {r.PlantedPairs:N0} overlaps planted: ours {r.OursSeconds:0.000} s, DuckDB {r.DuckDbSeconds:0.000} s (load {r.DuckDbLoadSeconds:0.000} s not counted), ratio {r.Ratio:0.00}; pairs ours {r.OursPairs:N0}, DuckDB {r.DuckDbPairs:N0}, identical: {(r.IdenticalPairs ? "yes" : "NO")}; peak working set {r.PeakBytesAfterOurs / 1048576.0:0} MiB after ours, {r.PeakBytesAfterDuckDb / 1048576.0:0} MiB after DuckDB"));
                output.WriteLine($"Wrote {file}");
            }

            return r.IdenticalPairs ? 0 : 1;
        });
        return command;
    }
}
