using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Scenarios;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab generate --seed N --projects P --out DIR</c>: writes a synthetic scenario in the INDIGO CSV layout.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the random generator; the same seed gives byte-identical files.", DefaultValueFactory = _ => ScenarioOptions.Default.Seed };
        var projects = new Option<int>("--projects") { Description = "Number of projects (impact bonds) to generate.", DefaultValueFactory = _ => ScenarioOptions.Default.Projects };
        var outDir = new Option<string>("--out") { Description = "Folder to write the CSV files and ground-truth.json into (created if needed).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the ground truth as JSON instead of a table." };
        var anomalies = new Option<double?>("--anomalies") { Description = "Inject labelled anomalies at this rate (share of actual payments; e.g. 0.05) and list them in ground-truth.json." };
        var chainDifferences = new Option<double>("--chain-differences") { Description = "Share of actual payments and of results the chain records differently from the books on purpose (every reconciliation class; listed in ground-truth.json, applied by `collab chain seed`); 0 for a chain that copies the books.", DefaultValueFactory = _ => ScenarioOptions.Default.ChainDifferenceRate };
        var command = new Command("generate", "Generate a synthetic scenario in the INDIGO CSV layout (same file names and headers as the real export), deterministic for a seed.")
        {
            seed, projects, outDir, json, anomalies, chainDifferences,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var dir = Path.GetFullPath(parseResult.GetValue(outDir)!);
            var options = ScenarioOptions.Default with { Seed = parseResult.GetValue(seed), Projects = parseResult.GetValue(projects), ChainDifferenceRate = parseResult.GetValue(chainDifferences) };
            var scenario = await ScenarioGenerator.WriteAsync(options, dir, ct, parseResult.GetValue(anomalies) is { } rate ? s => Anomalies.Evaluation.ScenarioAnomalies.Inject(s, rate) : null).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { @out = dir, ground_truth = JsonDocument.Parse(scenario.GroundTruth.ToJson()).RootElement }));
                return 0;
            }

            var console = CliCommand.ConsoleFor(output);
            var table = new Table().AddColumn("file").AddColumn(new TableColumn("rows").RightAligned());
            foreach (var (file, rows) in scenario.GroundTruth.Rows)
            {
                table.AddRow(Markup.Escape(file), rows.ToString(CultureInfo.InvariantCulture));
            }

            console.Write(table);
            console.MarkupLine(CultureInfo.InvariantCulture, "Wrote a scenario (seed {0}, {1} projects) to [bold]{2}[/]", options.Seed, options.Projects, Markup.Escape(dir));
            return 0;
        });
        return command;
    }
}
