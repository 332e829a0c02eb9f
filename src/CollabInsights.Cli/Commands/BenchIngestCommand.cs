using System.CommandLine;
using System.Globalization;
using CollabInsights.OffChain;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab indigo bench</c>: our INDIGO load + validation against pandas <c>read_csv</c> of the same files, same run.</summary>
internal static class BenchIngestCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The extracted INDIGO export folder (pandas reads the same CSV files).", Required = true };
        var iterations = new Option<int>("--iterations") { Description = "Timed iterations on each side; medians are compared.", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed warm-up iterations on each side.", DefaultValueFactory = _ => 5 };
        var output = new Option<string?>("--out") { Description = "Write the result as JSON to this file." };
        var python = new Option<string>("--python") { Description = "Python interpreter with pandas.", DefaultValueFactory = _ => "/usr/bin/python3" };
        var script = new Option<string?>("--pandas-script") { Description = "Another pandas timing script (default: the one built into the library, src/CollabInsights/OffChain/Resources/pandas_bench.py)." };
        var command = new Command("bench", "Benchmark: time loading and validating the export in process (after warm-up) against pandas read_csv of the same files in one Python process, and print both medians and the ratio.")
        {
            data, iterations, warmup, output, python, script,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var options = new IndigoIngestBenchmarkOptions
            {
                Iterations = parseResult.GetValue(iterations),
                WarmupIterations = parseResult.GetValue(warmup),
                Python = parseResult.GetValue(python)!,
                PandasScript = parseResult.GetValue(script),
            };
            var result = await IndigoIngestBenchmark.RunAsync(parseResult.GetValue(data)!, options, null, ct).ConfigureAwait(false);
            var console = CliCommand.ConsoleFor(parseResult.InvocationConfiguration.Output);
            string Ms(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
            var table = new Table().Title(Markup.Escape($"INDIGO ingest: {result.Files} files, {result.Iterations} timed iterations after {result.WarmupIterations} warm-up"))
                .AddColumn("Side").AddColumn(new TableColumn("Median ms").RightAligned()).AddColumn(new TableColumn("Min ms").RightAligned()).AddColumn(new TableColumn("CPU median ms").RightAligned()).AddColumn("What");
            table.AddRow("CollabInsights", Ms(result.OursMedianMs), Ms(result.OursTimesMs.Min()), Ms(result.OursCpuMedianMs), Markup.Escape($"load + validate, {result.OurRecords} records, {result.OurProblems} problems, .NET {Environment.Version}"));
            table.AddRow("pandas", Ms(result.PandasMedianMs), Ms(result.PandasTimesMs.Min()), Ms(result.PandasCpuMedianMs), Markup.Escape($"read_csv, {result.PandasRows} rows, pandas {result.PandasVersion}, Python {result.PythonVersion}"));
            console.Write(table);
            console.WriteLine($"ratio (ours / pandas, wall-clock medians): {result.Ratio.ToString("0.000", CultureInfo.InvariantCulture)}");
            console.WriteLine($"ratio (ours / pandas, CPU-time medians): {result.CpuRatio.ToString("0.000", CultureInfo.InvariantCulture)}");
            if (parseResult.GetValue(output) is { Length: > 0 } path)
            {
                var full = await CliCommand.WriteFileAsync(path, result.ToJson(), ct).ConfigureAwait(false);
                console.WriteLine($"wrote {full}");
            }

            return 0;
        });
        return command;
    }
}
