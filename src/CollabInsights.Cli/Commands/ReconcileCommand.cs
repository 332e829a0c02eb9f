using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.Reconciliation;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab reconcile --offchain DIR --onchain DIR</c>: do the books and the chain agree?</summary>
internal static class ReconcileCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static Command Create()
    {
        var offchain = new Option<string>("--offchain") { Description = "Folder (or zip) of the books in the INDIGO CSV layout.", Required = true };
        var onchain = new Option<string>("--onchain") { Description = "Folder of the on-chain records: the --out folder of 'collab chain extract' over the outcome ledger (payers and recipients are named with the scenario's onchain-seed.json when it sits beside the books), or records in the INDIGO CSV layout.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print counts and every non-matched entry as JSON." };
        var outDir = new Option<string>("--out") { Description = "Folder to write reconciliation.json and reconciliation.csv (all entries, matched included) into." };
        var command = new Command("reconcile", "Match on-chain payments and attestations to the books by project, metric, period, payer, recipient and amount; classify each as matched, amount_mismatch, period_mismatch, counterparty_mismatch, only_on_chain or only_off_chain with both sides' provenance.");
        command.Options.Add(offchain);
        command.Options.Add(onchain);
        command.Options.Add(json);
        command.Options.Add(outDir);
        command.SetAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            try
            {
                var off = await IndigoSource.LoadAsync(parseResult.GetValue(offchain)!, cancellationToken: ct).ConfigureAwait(false);
                var onDir = parseResult.GetValue(onchain)!;
                var onChain = File.Exists(Path.Combine(onDir, "summary.json"))
                    ? await LoadExtractionAsync(onDir, parseResult.GetValue(offchain)!, off.Value, ct).ConfigureAwait(false)
                    : (await IndigoSource.LoadAsync(onDir, cancellationToken: ct).ConfigureAwait(false)).Value;
                var result = Reconciler.Reconcile(off.Value, onChain);
                var counts = Enum.GetValues<ReconciliationClass>().ToDictionary(ReconciliationResult.NameOf, c => result.Counts[c]);
                if (parseResult.GetValue(outDir) is { } dir)
                {
                    Directory.CreateDirectory(dir);
                    await File.WriteAllTextAsync(Path.Combine(dir, "reconciliation.json"), JsonSerializer.Serialize(new { counts, entries = result.Entries.Select(ToJson) }, Json), ct).ConfigureAwait(false);
                    await File.WriteAllTextAsync(Path.Combine(dir, "reconciliation.csv"), ToCsv(result), ct).ConfigureAwait(false);
                }

                if (parseResult.GetValue(json))
                {
                    output.WriteLine(JsonSerializer.Serialize(new { counts, entries = result.Entries.Where(e => e.Class != ReconciliationClass.Matched).Select(ToJson) }, Json));
                    return 0;
                }

                var console = IndigoCommand.ConsoleFor(output);
                var summary = new Table().AddColumn("class").AddColumn(new TableColumn("records").RightAligned());
                foreach (var (name, n) in counts)
                {
                    summary.AddRow(name, n.ToString(CultureInfo.InvariantCulture));
                }

                console.Write(summary);
                var detail = new Table().AddColumn("class").AddColumn("project").AddColumn("off-chain").AddColumn("on-chain").AddColumn("detail");
                foreach (var e in result.Entries.Where(e => e.Class != ReconciliationClass.Matched).Take(200))
                {
                    detail.AddRow(ReconciliationResult.NameOf(e.Class), Markup.Escape(e.Project), Markup.Escape(e.OffChain?.Describe() ?? "-"), Markup.Escape(e.OnChain?.Describe() ?? "-"), Markup.Escape(e.Detail));
                }

                console.Write(detail);
                return 0;
            }
            catch (CollabInsightsException e)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"collab reconcile: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Reads an extraction of the outcome ledger as records; currencies and organisation ids come from the books and their seed file.</summary>
    private static async Task<CollabDataset> LoadExtractionAsync(string dir, string booksPath, CollabDataset books, CancellationToken ct)
    {
        var currencies = books.Payments.Where(p => p.Amount is not null).GroupBy(p => p.ProjectId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Amount!.Value.Currency, StringComparer.Ordinal);
        Dictionary<string, string>? organisations = null;
        var seedFile = Path.Combine(booksPath, "onchain-seed.json");
        if (File.Exists(seedFile))
        {
            using var seed = JsonDocument.Parse(await File.ReadAllTextAsync(seedFile, ct).ConfigureAwait(false));
            if (seed.RootElement.TryGetProperty("organisations", out var map))
            {
                // The seeder pays for rows whose books name no payer from a stand-in account: read it back as no party.
                organisations = map.EnumerateObject().ToDictionary(p => p.Value.GetString()!.ToLowerInvariant(), p => p.Name.StartsWith('(') ? string.Empty : p.Name, StringComparer.Ordinal);
            }
        }

        var records = await OnChain.Extraction.LedgerRecords.ReadAsync(dir, new OnChain.Extraction.LedgerRecordOptions { ProjectCurrencies = currencies, OrganisationsByAddress = organisations }, ct).ConfigureAwait(false);
        return CollabDataset.Empty with { Results = records.Attestations, Payments = records.Payments };
    }

    internal static object ToJson(ReconciliationEntry e) => new
    {
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

    private static string ToCsv(ReconciliationResult result)
    {
        var sb = new StringBuilder("class,record_type,project,metric,off_chain,on_chain,off_chain_value,on_chain_value,detail\n");
        foreach (var e in result.Entries)
        {
            sb.AppendJoin(',', new[] { ReconciliationResult.NameOf(e.Class), e.RecordType, e.Project, e.Metric, e.OffChain?.Describe(), e.OnChain?.Describe(), e.OffChainValue, e.OnChainValue, e.Detail }.Select(Csv)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Csv(string? s) => s is null ? string.Empty : s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
