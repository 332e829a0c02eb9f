using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.Reconciliation;
using CollabInsights.Scenarios;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab reconcile --offchain DIR --onchain DIR [--ground-truth FILE]</c>: do the books and the chain agree, and on a generated scenario, are the differences exactly the planted ones?</summary>
internal static class ReconcileCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static Command Create()
    {
        var offchain = new Option<string>("--offchain") { Description = "Folder (or zip) of the books in the INDIGO CSV layout.", Required = true };
        var onchain = new Option<string>("--onchain") { Description = "Folder of the on-chain records: the --out folder of 'collab chain extract' over the outcome ledger (payers and recipients are named with the scenario's onchain-seed.json when it sits beside the books), or records in the INDIGO CSV layout.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print counts and every non-matched entry as JSON." };
        var outDir = new Option<string>("--out") { Description = "Folder to write reconciliation.json and reconciliation.csv (all entries, matched included) into." };
        var groundTruth = new Option<string?>("--ground-truth") { Description = "A generated scenario's ground-truth.json: score each class's precision and recall against its planted chain differences. Default: the books folder's ground-truth.json when its onchain-seed.json says differences were written on chain." };
        var command = new Command("reconcile", "Match on-chain payments and attestations to the books by project, metric, period, payer, recipient and amount; classify each as matched, amount_mismatch, period_mismatch, counterparty_mismatch, only_on_chain or only_off_chain with both sides' provenance; on a generated scenario, score the classes against the planted differences.")
        {
            offchain, onchain, json, outDir, groundTruth,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var (result, evaluation) = await RunAsync(parseResult.GetValue(offchain)!, parseResult.GetValue(onchain)!, parseResult.GetValue(groundTruth), ct).ConfigureAwait(false);
            var counts = Enum.GetValues<ReconciliationClass>().ToDictionary(ReconciliationResult.NameOf, c => result.Counts[c]);
            if (parseResult.GetValue(outDir) is { } dir)
            {
                await WriteAsync(dir, result, evaluation, ct).ConfigureAwait(false);
            }

            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new { counts, evaluation = EvaluationJson(evaluation), entries = result.Entries.Where(e => e.Class != ReconciliationClass.Matched).Select(e => ToJson(e, evaluation)) },
                    Json));
                return 0;
            }

            var console = CliCommand.ConsoleFor(output);
            var summary = new Table().AddColumn("class").AddColumn(new TableColumn("records").RightAligned());
            foreach (var (name, n) in counts)
            {
                summary.AddRow(name, n.ToString(CultureInfo.InvariantCulture));
            }

            console.Write(summary);
            var detail = new Table().AddColumn("class").AddColumn("project").AddColumn("off-chain").AddColumn("on-chain").AddColumn("detail");
            if (evaluation is not null)
            {
                detail.AddColumn("planted");
            }

            foreach (var e in result.Entries.Where(e => e.Class != ReconciliationClass.Matched).Take(200))
            {
                string[] cells = [ReconciliationResult.NameOf(e.Class), e.Project, e.OffChain?.Describe() ?? "-", e.OnChain?.Describe() ?? "-", e.Detail];
                if (evaluation is not null)
                {
                    cells = [.. cells, evaluation.Found.ContainsKey(e) ? "yes" : "NO"];
                }

                detail.AddRow(cells.Select(Markup.Escape).ToArray());
            }

            console.Write(detail);
            if (evaluation is not null)
            {
                var scores = new Table().Title("Against the scenario's planted chain differences").AddColumn("class").AddColumn(new TableColumn("planted").RightAligned())
                    .AddColumn(new TableColumn("found").RightAligned()).AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned());
                foreach (var score in evaluation.Scores)
                {
                    scores.AddRow(ReconciliationResult.NameOf(score.Class), score.Expected.ToString(CultureInfo.InvariantCulture), score.Found.ToString(CultureInfo.InvariantCulture),
                        score.Precision.ToString("0.00", CultureInfo.InvariantCulture), score.Recall.ToString("0.00", CultureInfo.InvariantCulture));
                }

                console.Write(scores);
                console.MarkupLine(CultureInfo.InvariantCulture, evaluation.Exact
                    ? "Every difference is one planted on purpose and each was found in its class; the other {0} records match."
                    : "[red]{1} planted difference(s) missed and {2} unplanted difference(s) found[/]; {0} records match.",
                    evaluation.Matched, evaluation.Missed.Count, evaluation.Unexpected.Count);
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// Loads the books and the chain records, reconciles them and, when a ground truth is given or sits beside the books
    /// of a chain seeded with its differences, scores the result against the planted differences.
    /// </summary>
    internal static async Task<(ReconciliationResult Result, ReconciliationEvaluation? Evaluation)> RunAsync(string offchainPath, string onchainDir, string? groundTruthPath, CancellationToken ct)
    {
        if (!Directory.Exists(onchainDir) && !File.Exists(onchainDir))
        {
            throw new CollabInsightsException($"On-chain records not found at '{Path.GetFullPath(onchainDir)}'. Pass the --out folder of 'collab chain extract --abi outcome-ledger' (or records in the INDIGO CSV layout).");
        }

        var off = await IndigoSource.LoadAsync(offchainPath, cancellationToken: ct).ConfigureAwait(false);
        var onChain = OnChain.Extraction.ExtractionOutput.IsExtractionFolder(onchainDir)
            ? await LoadExtractionAsync(onchainDir, offchainPath, off.Value, ct).ConfigureAwait(false)
            : (await IndigoSource.LoadAsync(onchainDir, cancellationToken: ct).ConfigureAwait(false)).Value;
        var result = Reconciler.Reconcile(off.Value, onChain);
        var truthPath = groundTruthPath ?? await PlantedGroundTruthAsync(offchainPath, ct).ConfigureAwait(false);
        if (truthPath is null)
        {
            return (result, null);
        }

        if (!File.Exists(truthPath))
        {
            throw new CollabInsightsException($"No ground truth at {truthPath}: pass the ground-truth.json that `collab generate` wrote beside the scenario.");
        }

        var truth = ScenarioGroundTruth.FromJson(await File.ReadAllTextAsync(truthPath, ct).ConfigureAwait(false));
        return (result, ReconciliationEvaluation.Evaluate(result, truth.ChainDifferences));
    }

    /// <summary>Writes reconciliation.json (counts, evaluation, every entry) and reconciliation.csv into <paramref name="dir"/>.</summary>
    internal static async Task WriteAsync(string dir, ReconciliationResult result, ReconciliationEvaluation? evaluation, CancellationToken ct)
    {
        var counts = Enum.GetValues<ReconciliationClass>().ToDictionary(ReconciliationResult.NameOf, c => result.Counts[c]);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "reconciliation.json"), JsonSerializer.Serialize(new { counts, evaluation = EvaluationJson(evaluation), entries = result.Entries.Select(e => ToJson(e, evaluation)) }, Json), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(dir, "reconciliation.csv"), ToCsv(result, evaluation), ct).ConfigureAwait(false);
    }

    /// <summary>The books folder's ground-truth.json when the chain beside it was seeded with its differences (onchain-seed.json says how many).</summary>
    private static async Task<string?> PlantedGroundTruthAsync(string booksPath, CancellationToken ct)
    {
        var truth = Path.Combine(booksPath, ScenarioGroundTruth.FileName);
        var seed = Path.Combine(booksPath, OnChain.Extraction.LedgerRecords.SeedFileName);
        if (!Directory.Exists(booksPath) || !File.Exists(truth) || !File.Exists(seed))
        {
            return null;
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(seed, ct).ConfigureAwait(false));
        return json.RootElement.TryGetProperty("chain_differences", out var n) && n.TryGetInt32(out var count) && count > 0 ? truth : null;
    }

    private static object? EvaluationJson(ReconciliationEvaluation? evaluation) => evaluation is null ? null : new
    {
        exact = evaluation.Exact,
        matched = evaluation.Matched,
        classes = evaluation.Scores.Select(s => new
        {
            @class = ReconciliationResult.NameOf(s.Class),
            expected = s.Expected,
            found = s.Found,
            true_positives = s.TruePositives,
            precision = s.Precision,
            recall = s.Recall,
        }),
        missed = evaluation.Missed.Select(d => new { @class = d.Class, record_type = d.RecordType, file = d.File, row = d.Row, d.Description }),
        unexpected = evaluation.Unexpected.Count,
    };

    /// <summary>Reads an extraction of the outcome ledger as records; currencies and organisation ids come from the books and their seed file.</summary>
    private static async Task<CollabDataset> LoadExtractionAsync(string dir, string booksPath, CollabDataset books, CancellationToken ct) =>
        (await OnChain.Extraction.LedgerRecords.ReadSeededAsync(dir, booksPath, books, ct).ConfigureAwait(false)).ToDataset();

    internal static object ToJson(ReconciliationEntry e, ReconciliationEvaluation? evaluation = null) => new
    {
        planted = evaluation is null ? (bool?)null : evaluation.Found.ContainsKey(e),
        @class = ReconciliationResult.NameOf(e.Class),
        record_type = e.RecordType,
        project = e.Project,
        metric = e.Metric,
        off_chain = Where(e.OffChain),
        on_chain = Where(e.OnChain),
        off_chain_value = e.OffChainValue,
        on_chain_value = e.OnChainValue,
        detail = e.Detail,
    };

    private static object? Where(Provenance? p) => p switch
    {
        FileProvenance f => new { file = f.File, row = f.Row },
        ChainProvenance c => new { tx = c.TxHash, log_index = c.LogIndex, block = c.BlockNumber },
        null => null,
        _ => new { location = p.Describe() },
    };

    private static string ToCsv(ReconciliationResult result, ReconciliationEvaluation? evaluation)
    {
        var sb = new StringBuilder("class,record_type,project,metric,off_chain,on_chain,off_chain_value,on_chain_value,detail,planted\n");
        foreach (var e in result.Entries)
        {
            var planted = evaluation is null || e.Class == ReconciliationClass.Matched ? null : evaluation.Found.TryGetValue(e, out var d) ? d.Description : "no";
            sb.AppendJoin(',', new[] { ReconciliationResult.NameOf(e.Class), e.RecordType, e.Project, e.Metric, e.OffChain?.Describe(), e.OnChain?.Describe(), e.OffChainValue, e.OnChainValue, e.Detail, planted }.Select(Csv)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Csv(string? s) => s is null ? string.Empty : s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
