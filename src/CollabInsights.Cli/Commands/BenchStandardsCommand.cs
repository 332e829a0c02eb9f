using System.CommandLine;
using System.Globalization;
using CollabInsights.OffChain.Standards;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab bench standards</c>: our streaming IATI reader against lxml.etree.iterparse over the same generated file, same run.</summary>
internal static class BenchStandardsCommand
{
    public static Command Create()
    {
        var size = new Option<double>("--size-mb") { Description = "Size of the generated IATI XML file in MiB (default 1024 = 1 GiB).", DefaultValueFactory = _ => 1024 };
        var sample = new Option<string>("--sample") { Description = "The real IATI file whose activities are repeated.", DefaultValueFactory = _ => Path.Combine("data", "iati-samples", "activity-standard-example-annotated.xml") };
        var work = new Option<string?>("--work") { Description = "Folder for the generated file (default: the temporary folder)." };
        var keep = new Option<bool>("--keep-file") { Description = "Keep the generated file." };
        var rounds = new Option<int>("--rounds") { Description = "Rounds (ours, then lxml); the best time of each side is compared.", DefaultValueFactory = _ => 1 };
        var python = new Option<string>("--python") { Description = "Python interpreter with lxml (Debian python3-lxml).", DefaultValueFactory = _ => "/usr/bin/python3" };
        var outFile = new Option<string>("--out") { Description = "Results file (JSON).", DefaultValueFactory = _ => Path.Combine("bench-results", "standards.json") };
        var json = new Option<bool>("--json") { Description = "Print the results JSON." };
        var command = new Command("standards", "Benchmark: read a large IATI activity file (real activities repeated) with our streaming reader and with Python's lxml.etree.iterparse in the same run; times, peak memory, and whether the counts agree.")
        {
            size, sample, work, keep, rounds, python, outFile, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var options = new StandardsBenchmarkOptions
            {
                SizeBytes = (long)(parseResult.GetValue(size) * 1024 * 1024),
                Sample = parseResult.GetValue(sample)!,
                WorkFolder = parseResult.GetValue(work),
                KeepFile = parseResult.GetValue(keep),
                Rounds = parseResult.GetValue(rounds),
                Python = parseResult.GetValue(python)!,
            };
            var print = parseResult.GetValue(json);
            var progress = CliCommand.Immediate<string>(line => { if (!print) { output.WriteLine(line); } });
            var result = await StandardsBenchmark.RunAsync(options, progress, ct).ConfigureAwait(false);
            var file = parseResult.GetValue(outFile)!;
            if (!await CliCommand.WriteJsonResultAsync(result, file, print, output, ct).ConfigureAwait(false))
            {
                var console = CliCommand.ConsoleFor(output);
                string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
                string Mb(long b) => (b / 1048576.0).ToString("0", CultureInfo.InvariantCulture);
                var table = new Table().Title(Markup.Escape($"IATI XML, {result.Bytes:N0} bytes, {result.Activities:N0} activities, best of {result.Rounds}"))
                    .AddColumn("Side").AddColumn(new TableColumn("Seconds").RightAligned()).AddColumn(new TableColumn("MB/s").RightAligned()).AddColumn(new TableColumn("Peak MiB").RightAligned());
                table.AddRow("CollabInsights (XmlReader, StandardsSource.CountAsync)", F(result.OursSeconds), F(result.OursMegabytesPerSecond), Mb(result.OursPeakWorkingSetBytes));
                table.AddRow(Markup.Escape($"lxml {result.LxmlVersion} iterparse (Python {result.PythonVersion})"), F(result.LxmlSeconds), F(result.LxmlMegabytesPerSecond), Mb(result.LxmlPeakRssBytes));
                console.Write(table);
                console.WriteLine($"ratio (ours / lxml): {result.Ratio.ToString("0.000", CultureInfo.InvariantCulture)}; counts agree: {(result.CountsAgree ? "yes" : "NO")}");
                console.WriteLine($"wrote {Path.GetFullPath(file)}");
            }

            return result.CountsAgree ? 0 : CliCommand.WorkFailedExitCode;
        });
        return command;
    }
}
