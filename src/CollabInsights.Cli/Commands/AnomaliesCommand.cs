using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Anomalies;
using CollabInsights.Anomalies.Evaluation;
using CollabInsights.Anomalies.Forensic;
using CollabInsights.Anomalies.Ml;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab anomalies</c>: flags from the rules and the ML detector; <c>anomalies evaluate</c>: measured precision and recall.</summary>
internal static class AnomaliesCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder (or zip) of an export in the INDIGO CSV layout: the real INDIGO export or a generated scenario." };
        var chain = new Option<string>("--chain") { Description = "On-chain records, flagged too: the --out folder of 'collab chain extract --abi outcome-ledger' (Parquet tables; read against the --data books, with payers and recipients named by the onchain-seed.json beside them), or a folder of records in the INDIGO CSV layout." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: a flags array (kind, project, file, row | tx, log_index, score, reason), counts per kind, the anomaly flags' own counts (anomaly_flags), and the loader's problems apart (data_quality: counts by severity and category, and each finding)." };
        var noMl = new Option<bool>("--no-ml") { Description = "Rules only: skip the ML.NET detector's ml_outlier flags." };
        var report = new Option<string>("--report") { Description = "Also write an offline HTML report: flags per kind, the flags, and Nigrini's forensic tests with digit charts against Benford's curve." };
        var command = new Command("anomalies", "Flag anomalous payments, results and prices with named rules and an ML.NET detector; each flag names its row and says why.")
        {
            data, chain, json, noMl, report, CreateEvaluate(),
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var dir = parseResult.GetValue(data) ?? throw new CollabInsightsException("Pass --data DIR: a folder in the INDIGO CSV layout (for example data/indigo-2025-05 or the output of collab generate).");
            var chainDir = parseResult.GetValue(chain);
            RequirePath(dir, "--data", "a folder (or zip) in the INDIGO CSV layout, for example data/indigo-2025-05 or the --out folder of collab generate");
            if (chainDir is not null)
            {
                RequirePath(chainDir, "--chain", "the --out folder of collab chain extract, or a folder in the INDIGO CSV layout");
            }

            var options = new AnomalyDetectionOptions(UseMl: !parseResult.GetValue(noMl));
            var loaded = await IndigoSource.LoadAsync(dir, cancellationToken: ct).ConfigureAwait(false);
            var flags = AnomalyDetection.Run(loaded, options).ToList();
            if (chainDir is not null)
            {
                flags = AnomalyRules.Sort(flags.Concat(await ChainFlagsAsync(chainDir, dir, loaded.Value, options, ct).ConfigureAwait(false))).ToList();
            }

            var forensic = ForensicTests.Run(loaded.Value);
            if (parseResult.GetValue(report) is { } reportFile)
            {
                await ForensicOutput.WriteReportAsync(reportFile, dir, flags, forensic, loaded.Problems, ct).ConfigureAwait(false);
            }

            if (parseResult.GetValue(json))
            {
                output.WriteLine(ForensicJson.AddTo(AnomalyJson.Serialize(flags, loaded.Problems), forensic));
                return 0;
            }

            // Anomaly flags first; the loader's problems (and the invalid_value flags they give) apart, as counts per category.
            var console = CliCommand.ConsoleFor(output);
            var anomalies = flags.Where(f => !FlagKinds.IsDataQuality(f.Kind)).ToList();
            var table = new Table().Title("Anomaly flags").AddColumn("kind").AddColumn("project").AddColumn("where").AddColumn(new TableColumn("score").RightAligned()).AddColumn("reason");
            foreach (var f in anomalies)
            {
                table.AddRow(Markup.Escape(f.Kind), Markup.Escape(f.Project ?? string.Empty), Markup.Escape(f.File is not null ? $"{f.File}:{f.Row}" : $"{f.Tx} log {f.LogIndex}"),
                    f.Score.ToString("0.00", CultureInfo.InvariantCulture), Markup.Escape(f.Reason));
            }

            console.Write(table);
            console.WriteLine($"{anomalies.Count.ToString(CultureInfo.InvariantCulture)} anomaly flag(s)");
            foreach (var (kind, count) in AnomalyJson.Counts(anomalies))
            {
                console.WriteLine($"{kind}: {count}");
            }

            ForensicOutput.Write(console, forensic);
            var quality = DataQualitySummary.Of(loaded.Problems);
            var invalidFlags = flags.Count - anomalies.Count;
            console.WriteLine();
            console.WriteLine($"Data quality, apart from the anomalies: the loader located {quality.Problems.Count.ToString(CultureInfo.InvariantCulture)} problem(s) in the books, "
                + $"{quality.Invalid.ToString(CultureInfo.InvariantCulture)} value(s) it could not use ({invalidFlags.ToString(CultureInfo.InvariantCulture)} {FlagKinds.InvalidValue} flag(s)) "
                + $"and {quality.Warnings.ToString(CultureInfo.InvariantCulture)} it normalised.");
            if (quality.ByCategory.Count > 0)
            {
                const int shown = 20;
                var categories = new Table().AddColumn("file / column / severity").AddColumn(new TableColumn("problems").RightAligned());
                foreach (var (category, count) in quality.ByCategory.Take(shown))
                {
                    categories.AddRow(Markup.Escape(category), count.ToString(CultureInfo.InvariantCulture));
                }

                console.Write(categories);
                var rest = quality.ByCategory.Skip(shown).ToList();
                if (rest.Count > 0)
                {
                    console.WriteLine($"... and {rest.Sum(kv => kv.Value).ToString(CultureInfo.InvariantCulture)} more in {rest.Count.ToString(CultureInfo.InvariantCulture)} other categories.");
                }

                console.WriteLine("Every problem with its file, row, column and value: --json (data_quality.findings) or 'collab indigo summary'.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Throws (bad input, exit 2, as <c>indigo summary</c> and <c>link</c>) when <paramref name="path"/> is neither a folder nor a file.</summary>
    private static void RequirePath(string path, string option, string what)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new CollabInsightsException($"{option} path '{path}' does not exist. Pass {what}.");
        }
    }

    /// <summary>
    /// Flags of the on-chain records. An extraction folder is read as <c>collab reconcile --onchain</c> reads it (currencies from the books,
    /// organisation ids from the onchain-seed.json beside them); its payments and attestations are checked against the books' commitments,
    /// prices and metrics, and only flags located on chain are kept (the books' own rows are flagged by the --data run).
    /// </summary>
    private static async Task<IReadOnlyList<Flag>> ChainFlagsAsync(string chainDir, string booksPath, CollabDataset books, AnomalyDetectionOptions options, CancellationToken ct)
    {
        if (!OnChain.Extraction.ExtractionOutput.IsExtractionFolder(chainDir))
        {
            var onChain = await IndigoSource.LoadAsync(chainDir, cancellationToken: ct).ConfigureAwait(false);
            return AnomalyDetection.Run(onChain, options);
        }

        var records = await OnChain.Extraction.LedgerRecords.ReadSeededAsync(chainDir, booksPath, books, ct).ConfigureAwait(false);
        var dataset = books with { Results = records.Attestations, Payments = records.Payments };
        return AnomalyDetection.Run(dataset, null, options).Where(f => f.Tx is not null).ToList();
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
        var external = EvaluateDatasetOptions.AddTo(command);
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            if (await external.TryRunAsync(parseResult, parseResult.GetValue(json), !parseResult.GetValue(noPeer), ParseSeeds(parseResult.GetValue(seeds)!), output, ct).ConfigureAwait(false))
            {
                return 0;
            }

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

            // Nothing planted, nothing to score: say so and how to plant some, and fail so a script does not take n/a for a result.
            if (runs.Count > 0 && runs.All(r => r.Labels == 0))
            {
                throw new CollabInsightsException(parseResult.GetValue(scenario) is { } scenarioDir
                    ? $"{Path.Combine(scenarioDir, Scenarios.ScenarioGroundTruth.FileName)} has no labelled anomalies, so nothing can be evaluated (the table shows n/a). Plant some with collab generate --seed S --projects N --anomalies 0.05 --out DIR and evaluate that folder."
                    : string.Create(CultureInfo.InvariantCulture, $"--rate {parseResult.GetValue(rate)} planted no labelled anomalies, so nothing can be evaluated (the table shows n/a). Pass --rate 0.05 (the default)."));
            }

            return 0;
        });
        return command;
    }

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
