using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.Reconciliation;
using CollabInsights.Reconciliation.Evaluation;
using CollabInsights.Scenarios;
using CollabInsights.Verification;
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
        var engine = new EngineCliOptions();
        var command = new Command("reconcile", "Match on-chain payments and attestations to the books by project, metric, period, payer, recipient and amount; classify each as matched, amount_mismatch, period_mismatch, counterparty_mismatch, only_on_chain or only_off_chain with both sides' provenance; on a generated scenario, score the classes against the planted differences.")
        {
            offchain, onchain, json, outDir, groundTruth,
        };
        engine.AddTo(command);
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            // An anchor folder as the books: reconcile its corrected view (corrections applied, erased records left out) and show the history.
            var books = parseResult.GetValue(offchain)!;
            var view = CorrectedView.IsAnchorFolder(books) ? await CorrectedView.WriteAsync(books, null, ct).ConfigureAwait(false) : null;
            var (result, evaluation) = await RunAsync(view?.DataPath ?? books, parseResult.GetValue(onchain)!, parseResult.GetValue(groundTruth), ct,
                engine.Read(parseResult), EngineCliOptions.Printer(parseResult.InvocationConfiguration.Error)).ConfigureAwait(false);
            var counts = Enum.GetValues<ReconciliationClass>().ToDictionary(ReconciliationResult.NameOf, c => result.Counts[c]);
            if (parseResult.GetValue(outDir) is { } dir)
            {
                await WriteAsync(dir, result, evaluation, ct).ConfigureAwait(false);
            }

            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new
                    {
                        counts,
                        differences = result.Differences,
                        evaluation = EvaluationJson(evaluation),
                        entries = result.Entries.Where(e => e.Class != ReconciliationClass.Matched).Select(e => ToJson(e, evaluation)),
                        not_on_chain_count = result.NotOnChain.Count,
                        not_on_chain_by_reason = ByReason(result.NotOnChain),
                        not_on_chain = result.NotOnChain.Select(ToJson),
                        corrected_view = view is null ? null : new
                        {
                            anchor = view.AnchorDirectory,
                            corrections = view.Corrections.Select(c => new { record = c.Record, changes = c.Changes, reason = c.Reason, corrected_at = c.CorrectedAt, transaction = c.TransactionHash }),
                            erasures = view.Erasures.Select(e => new { record = e.Record, reason = e.Reason, erased_at = e.ErasedAt }),
                            history = view.History(),
                        },
                    },
                    Json));
                return 0;
            }

            var console = CliCommand.ConsoleFor(output);
            if (view is not null)
            {
                console.WriteLine(view.Describe());
                foreach (var line in view.History())
                {
                    console.WriteLine("  " + line);
                }
            }

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
            if (result.NotOnChain.Count > 0)
            {
                var reasons = new Table().Title("Not on chain: records of the books the ledger cannot hold (in no class above)").AddColumn("record: reason").AddColumn(new TableColumn("records").RightAligned());
                foreach (var (reason, n) in ByReason(result.NotOnChain))
                {
                    reasons.AddRow(Markup.Escape(reason), n.ToString(CultureInfo.InvariantCulture));
                }

                console.Write(reasons);
                var rows = new Table().AddColumn("not_on_chain").AddColumn("project").AddColumn("off-chain").AddColumn("reason");
                foreach (var n in result.NotOnChain.Take(200))
                {
                    rows.AddRow(new[] { n.RecordType, n.Project, n.Provenance.Describe(), n.Reason }.Select(Markup.Escape).ToArray());
                }

                console.Write(rows);
                if (result.NotOnChain.Count > 200)
                {
                    console.WriteLine($"... and {(result.NotOnChain.Count - 200).ToString(CultureInfo.InvariantCulture)} more (all in --json and --out's reconciliation.csv).");
                }
            }

            console.MarkupLine(CultureInfo.InvariantCulture, "{0} difference(s) between the books and the chain; {1} record(s) of the books not on chain.", result.Differences, result.NotOnChain.Count);
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
    /// of a chain seeded with its differences, scores the result against the planted differences. <paramref name="engine"/> chooses the
    /// reconciliation engine (default: by size); <paramref name="progress"/> receives the estimate and the steps.
    /// </summary>
    internal static async Task<(ReconciliationResult Result, ReconciliationEvaluation? Evaluation)> RunAsync(
        string offchainPath, string onchainDir, string? groundTruthPath, CancellationToken ct, ReconciliationEngineOptions? engine = null, IProgress<ReconciliationProgress>? progress = null)
    {
        if (!Directory.Exists(onchainDir) && !File.Exists(onchainDir))
        {
            throw new CollabInsightsException($"On-chain records not found at '{Path.GetFullPath(onchainDir)}'. Pass the --out folder of 'collab chain extract --abi outcome-ledger' (or records in the INDIGO CSV layout).");
        }

        var off = await IndigoSource.LoadAsync(offchainPath, cancellationToken: ct).ConfigureAwait(false);
        var ledger = OnChain.Extraction.ExtractionOutput.IsExtractionFolder(onchainDir);
        var onChain = ledger
            ? await LoadExtractionAsync(onchainDir, offchainPath, off.Value, ct).ConfigureAwait(false)
            : (await IndigoSource.LoadAsync(onchainDir, cancellationToken: ct).ConfigureAwait(false)).Value;

        // Against the outcome ledger, the books' records it cannot hold are listed as not_on_chain instead of only_off_chain.
        var options = ledger ? ReconciliationOptions.ForOutcomeLedger(off.Value) : null;
        var result = await Reconciler.ReconcileAsync(off.Value, onChain, options, engine, keepMatchedEntries: true, progress, ct).ConfigureAwait(false);
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

    /// <summary>Writes reconciliation.json (counts, evaluation, every entry, the records not on chain) and reconciliation.csv into <paramref name="dir"/>.</summary>
    internal static async Task WriteAsync(string dir, ReconciliationResult result, ReconciliationEvaluation? evaluation, CancellationToken ct)
    {
        var counts = Enum.GetValues<ReconciliationClass>().ToDictionary(ReconciliationResult.NameOf, c => result.Counts[c]);
        Directory.CreateDirectory(dir);
        var document = new
        {
            counts,
            differences = result.Differences,
            evaluation = EvaluationJson(evaluation),
            entries = result.Entries.Select(e => ToJson(e, evaluation)),
            not_on_chain_count = result.NotOnChain.Count,
            not_on_chain_by_reason = ByReason(result.NotOnChain),
            not_on_chain = result.NotOnChain.Select(ToJson),
        };
        await File.WriteAllTextAsync(Path.Combine(dir, "reconciliation.json"), JsonSerializer.Serialize(document, Json), ct).ConfigureAwait(false);
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

    /// <summary>A record the chain cannot hold, as JSON: <c>class</c> is always <c>not_on_chain</c>, with the reason and the file row.</summary>
    internal static object ToJson(NotOnChainRecord n) => new
    {
        @class = NotOnChainRecord.Name,
        record_type = n.RecordType,
        project = n.Project,
        metric = n.Metric,
        off_chain = Where(n.Provenance),
        reason = n.Reason,
    };

    /// <summary>How many records each reason sets aside, most first.</summary>
    internal static Dictionary<string, int> ByReason(IReadOnlyList<NotOnChainRecord> records) =>
        records.GroupBy(n => $"{n.RecordType}: {n.Reason}", StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

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

        // Records the chain cannot hold follow, in their own category: the reason is the detail.
        foreach (var n in result.NotOnChain)
        {
            sb.AppendJoin(',', new[] { NotOnChainRecord.Name, n.RecordType, n.Project, n.Metric, n.Provenance.Describe(), null, null, null, n.Reason, null }.Select(Csv)).Append('\n');
        }

        return sb.ToString();
    }

    // reconciliation.csv is for people (spreadsheets): formula-leading cells are neutralised; reconciliation.json keeps raw values.
    private static string Csv(string? s) => CsvText.Cell(s);
}
