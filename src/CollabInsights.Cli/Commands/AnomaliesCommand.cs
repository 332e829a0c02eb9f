using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Anomalies;
using CollabInsights.Anomalies.Evaluation;
using CollabInsights.Anomalies.Ml;
using CollabInsights.OffChain;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab anomalies</c>: flags from the rules and the ML detector; <c>anomalies evaluate</c>: measured precision and recall.</summary>
internal static class AnomaliesCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder (or zip) of an export in the INDIGO CSV layout: the real INDIGO export or a generated scenario." };
        var chain = new Option<string>("--chain") { Description = "Folder of on-chain records in the same INDIGO CSV layout (fallback until the Parquet event tables map to records); flagged too." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with a flags array (kind, project, file, row | tx, log_index, score, reason)." };
        var noMl = new Option<bool>("--no-ml") { Description = "Rules only: skip the ML.NET detector's ml_outlier flags." };
        var command = new Command("anomalies", "Flag anomalous payments, results and prices with named rules and an ML.NET detector; each flag names its row and says why.")
        {
            data, chain, json, noMl, CreateEvaluate(),
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var dir = parseResult.GetValue(data) ?? throw new CollabInsightsException("Pass --data DIR: a folder in the INDIGO CSV layout (for example ../shared/data/indigo-2025-05 or the output of collab generate).");
            var options = new AnomalyDetectionOptions(UseMl: !parseResult.GetValue(noMl));
            var loaded = await IndigoSource.LoadAsync(dir, cancellationToken: ct).ConfigureAwait(false);
            var flags = AnomalyDetection.Run(loaded, options).ToList();
            if (parseResult.GetValue(chain) is { } chainDir)
            {
                var onChain = await IndigoSource.LoadAsync(chainDir, cancellationToken: ct).ConfigureAwait(false);
                flags = AnomalyRules.Sort(flags.Concat(AnomalyDetection.Run(onChain, options))).ToList();
            }

            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new AnomaliesJson(flags, flags.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count())), CliCommand.IndentedJson));
                return 0;
            }

            var console = CliCommand.ConsoleFor(output);
            var table = new Table().AddColumn("kind").AddColumn("project").AddColumn("where").AddColumn(new TableColumn("score").RightAligned()).AddColumn("reason");
            foreach (var f in flags)
            {
                table.AddRow(Markup.Escape(f.Kind), Markup.Escape(f.Project ?? string.Empty), Markup.Escape(f.File is not null ? $"{f.File}:{f.Row}" : $"{f.Tx} log {f.LogIndex}"),
                    f.Score.ToString("0.00", CultureInfo.InvariantCulture), Markup.Escape(f.Reason));
            }

            console.Write(table);
            foreach (var g in flags.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                console.WriteLine($"{g.Key}: {g.Count()}");
            }

            return 0;
        }, errorPrefix: "collab anomalies: ", errorExitCode: 1);
        return command;
    }

    private static Command CreateEvaluate()
    {
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds of labelled scenarios (default 1,2,3).", DefaultValueFactory = _ => "1,2,3" };
        var projects = new Option<int?>("--projects") { Description = "Projects per scenario (default 20 with --generator scenario, 40 with synthetic)." };
        var generator = new Option<string>("--generator") { Description = "Where the seeded scenarios come from: scenario (collab generate's generator, written and loaded as CSV; default) or synthetic (the small in-memory dataset of the detector tests).", DefaultValueFactory = _ => "scenario" };
        generator.AcceptOnlyFromAmong("scenario", "synthetic");
        var rate = new Option<double>("--rate") { Description = "Injected anomalies as a share of actual payments (default 0.05).", DefaultValueFactory = _ => 0.05 };
        var noPeer = new Option<bool>("--no-isolation-forest") { Description = "Skip the scikit-learn IsolationForest comparison." };
        var json = new Option<bool>("--json") { Description = "Print the evaluation as JSON." };
        var scenario = new Option<string>("--scenario") { Description = "Evaluate a generated scenario folder (collab generate --anomalies RATE) with its ground-truth.json instead of seeds." };
        var clusters = new Option<int>("--clusters") { Description = "k-means clusters of the ML detector (default 6).", DefaultValueFactory = _ => new MlDetectorOptions().Clusters };
        var command = new Command("evaluate", "Inject labelled anomalies into seeded scenarios and print precision, recall and F1 per rule kind, and ROC AUC and precision at k for the ML detector and IsolationForest.")
        {
            seeds, projects, generator, rate, noPeer, json, clusters, scenario,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var seedList = ParseSeeds(parseResult.GetValue(seeds)!);
            var options = new AnomalyEvaluatorOptions(Ml: new MlDetectorOptions(Clusters: parseResult.GetValue(clusters)), RunIsolationForest: !parseResult.GetValue(noPeer));
            var runs = new List<EvaluationRun>();
            if (parseResult.GetValue(scenario) is { } dir)
            {
                runs.Add(await AnomalyEvaluator.EvaluateScenarioAsync(dir, options, ct).ConfigureAwait(false));
                seedList = [];
            }

            var synthetic = parseResult.GetValue(generator) == "synthetic";
            var n = parseResult.GetValue(projects) ?? (synthetic ? 40 : 20);
            foreach (var seed in seedList)
            {
                runs.Add(synthetic
                    ? await AnomalyEvaluator.EvaluateSeedAsync(seed, n, parseResult.GetValue(rate), options, ct).ConfigureAwait(false)
                    : await AnomalyEvaluator.EvaluateGeneratedAsync(seed, n, parseResult.GetValue(rate), options, ct).ConfigureAwait(false));
            }

            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { runs }, CliCommand.IndentedJson));
            }
            else
            {
                output.Write(EvaluationText.Render(runs));
            }

            return 0;
        }, errorPrefix: "", errorExitCode: 1);
        return command;
    }

    private sealed record AnomaliesJson(
        [property: System.Text.Json.Serialization.JsonPropertyName("flags")] IReadOnlyList<Flag> Flags,
        [property: System.Text.Json.Serialization.JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts);

    internal static int[] ParseSeeds(string text)
    {
        try
        {
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (FormatException)
        {
            throw new CollabInsightsException($"--seeds '{text}' is not a list of integers; write for example --seeds 1,2,3.");
        }
    }
}
