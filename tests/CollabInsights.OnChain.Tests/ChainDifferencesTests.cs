using System.Globalization;
using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Extraction;
using CollabInsights.OnChain.Seeding;
using CollabInsights.Reconciliation;
using CollabInsights.Reconciliation.Evaluation;
using CollabInsights.Scenarios;
using CollabInsights.Tests.Shared;

namespace CollabInsights.OnChain.Tests;

public class ChainDifferencesTests
{
    private static readonly string[] DifferenceClasses = ["amount_mismatch", "counterparty_mismatch", "only_off_chain", "only_on_chain", "period_mismatch"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Generator_plans_every_difference_class_for_payments_and_results_on_rows_that_hold_the_books_value()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioOptions.Default with { Seed = 11, Projects = 4 });
        var differences = scenario.GroundTruth.ChainDifferences;
        foreach (var type in new[] { "payment", "result" })
        {
            Assert.Equal(DifferenceClasses, differences.Where(d => d.RecordType == type).Select(d => d.Class).Distinct().Order(StringComparer.Ordinal));
        }

        var rows = scenario.Dataset.Payments.Select(p => (p.Provenance, Record: (object)p)).Concat(scenario.Dataset.Results.Select(r => (r.Provenance, Record: (object)r)))
            .ToDictionary(x => x.Provenance.Describe(), x => x.Record, StringComparer.Ordinal);
        foreach (var d in differences)
        {
            var record = rows[d.Location];
            var books = (d.Field, record) switch
            {
                (ScenarioChainDifference.AmountField, OutcomePayment p) => p.Amount!.Value.Amount.ToString("0.##", CultureInfo.InvariantCulture),
                (ScenarioChainDifference.OutcomesField, OutcomeResult r) => r.OutcomesAchieved!.Value.ToString("0.##", CultureInfo.InvariantCulture),
                (ScenarioChainDifference.PeriodField, OutcomePayment p) => $"{p.PeriodStart}..{p.PeriodEnd}",
                (ScenarioChainDifference.PeriodField, OutcomeResult r) => $"{r.PeriodStart}..{r.PeriodEnd}",
                (ScenarioChainDifference.PayerField, OutcomePayment p) => p.PayerId,
                (ScenarioChainDifference.RecipientField, OutcomePayment p) => p.RecipientId,
                (ScenarioChainDifference.ValidatorField, OutcomeResult r) => r.Validator,
                (ScenarioChainDifference.RecordField, _) => null,
                _ => throw new InvalidOperationException($"{d.Field} on a {record.GetType().Name} at {d.Location}"),
            };
            Assert.Equal(books, d.BooksValue);
            Assert.True(d.Field == ScenarioChainDifference.RecordField || !string.Equals(d.BooksValue, d.ChainValue, StringComparison.Ordinal), d.Description);
            Assert.Equal(d.RecordType == "payment" ? PaymentType.Actual : PaymentType.Actual, record is OutcomePayment op ? op.Type : PaymentType.Actual);
        }

        // One (record type, project, metric) group per difference, so no two differences can pair with each other.
        Assert.Equal(differences.Count, differences.Select(d => (d.RecordType, d.Project, d.Metric)).Distinct().Count());

        // Deterministic per seed; the books (CSV files) do not depend on the rate; rate 0 plants nothing.
        var again = ScenarioGenerator.Generate(ScenarioOptions.Default with { Seed = 11, Projects = 4 });
        Assert.Equal(scenario.GroundTruth.ToJson(), again.GroundTruth.ToJson());
        var none = ScenarioGenerator.Generate(ScenarioOptions.Default with { Seed = 11, Projects = 4, ChainDifferenceRate = 0 });
        Assert.Equal(scenario.Files, none.Files);
        Assert.Empty(none.GroundTruth.ChainDifferences);
        Assert.Contains("\"chain_differences\": [", scenario.GroundTruth.ToJson(), StringComparison.Ordinal);
        Assert.Equal(differences, ScenarioGroundTruth.FromJson(scenario.GroundTruth.ToJson()).ChainDifferences);
    }

    [Fact]
    public async Task Seeded_differences_are_found_by_reconciliation_in_their_class_with_both_sides_provenance_and_everything_else_matches()
    {
        var scenario = ScenarioGenerator.Generate(ScenarioOptions.Default with { Seed = 11, Projects = 4 });
        var books = scenario.Dataset;
        var differences = scenario.GroundTruth.ChainDifferences;
        await using var node = await TestChain.StartAsync(ct: Ct);
        var seeded = await LedgerSeeder.SeedAsync(books, node.Web3, new LedgerSeedOptions { Differences = differences }, cancellationToken: Ct);
        Assert.Equal(differences.Count, seeded.DifferencesApplied);
        Assert.Empty(seeded.Skipped);

        var chain = await ExtractAsync(node, seeded, books);
        var result = Reconciler.Reconcile(books, chain);
        var evaluation = ReconciliationEvaluation.Evaluate(result, differences);

        Assert.True(evaluation.Exact, "missed: " + string.Join("; ", evaluation.Missed.Select(d => $"{d.Class} {d.Location}"))
            + " unexpected: " + string.Join("; ", evaluation.Unexpected.Select(e => $"{ReconciliationResult.NameOf(e.Class)} {e.OffChain?.Describe()} {e.Detail}")));
        Assert.All(evaluation.Scores, s =>
        {
            Assert.True(s.Expected >= 2, $"{s.Class}: a payment and a result expected");
            Assert.Equal(1.0, s.Precision);
            Assert.Equal(1.0, s.Recall);
        });
        var booksRecords = books.Payments.Count(p => p.Type == PaymentType.Actual) + books.Results.Count;
        Assert.Equal(booksRecords - differences.Count(d => d.Class != "only_on_chain"), evaluation.Matched);

        foreach (var (entry, difference) in evaluation.Found)
        {
            var where = $"{difference.Class} {difference.Location}";
            if (difference.Class != "only_on_chain")
            {
                var off = Assert.IsType<FileProvenance>(entry.OffChain);
                Assert.Equal((difference.File, difference.Row), (off.File, off.Row));
            }
            else
            {
                Assert.Null(entry.OffChain);
            }

            if (difference.Class == "only_off_chain")
            {
                Assert.Null(entry.OnChain);
                continue;
            }

            var on = Assert.IsType<ChainProvenance>(entry.OnChain);
            Assert.Equal(node.ChainId, on.ChainId);
            Assert.True(on.TxHash.Length == 66 && on.BlockNumber >= seeded.FromBlock && on.BlockNumber <= seeded.ToBlock, where);
            switch (difference.Field)
            {
                case ScenarioChainDifference.AmountField:
                    Assert.StartsWith(decimal.Parse(difference.ChainValue!, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture) + " ", entry.OnChainValue, StringComparison.Ordinal);
                    break;
                case ScenarioChainDifference.OutcomesField:
                    Assert.Equal($"{difference.ChainValue} outcomes", entry.OnChainValue);
                    break;
                case ScenarioChainDifference.PeriodField:
                    Assert.Contains(difference.ChainValue!, entry.Detail, StringComparison.Ordinal);
                    break;
                case ScenarioChainDifference.PayerField or ScenarioChainDifference.RecipientField or ScenarioChainDifference.ValidatorField:
                    Assert.Contains($"{difference.Field} {difference.ChainValue}", entry.Detail, StringComparison.Ordinal);
                    break;
            }
        }

        // Seeded without the differences, the same books reconcile completely.
        await using var exactNode = await TestChain.StartAsync(ct: Ct);
        var exact = await LedgerSeeder.SeedAsync(books, exactNode.Web3, cancellationToken: Ct);
        Assert.Equal(0, exact.DifferencesApplied);
        var exactResult = Reconciler.Reconcile(books, await ExtractAsync(exactNode, exact, books));
        Assert.Equal(booksRecords, exactResult.Counts[ReconciliationClass.Matched]);
    }

    [Fact]
    public async Task Reconcile_command_scores_the_chain_of_a_seeded_scenario_folder_with_planted_anomalies_against_its_ground_truth()
    {
        var dir = RepoPaths.NewTempDirectory();
        var generate = await CollabCli.InvokeAsync(["generate", "--seed", "3", "--projects", "8", "--anomalies", "0.05", "--out", dir, "--json"], new StringWriter(), new StringWriter(), Ct);
        Assert.Equal(0, generate);
        var truth = ScenarioGroundTruth.FromJson(await File.ReadAllTextAsync(Path.Combine(dir, ScenarioGroundTruth.FileName), Ct));
        Assert.NotEmpty(truth.Anomalies);
        Assert.Equal(DifferenceClasses, truth.ChainDifferences.Select(d => d.Class).Distinct().Order(StringComparer.Ordinal));

        // Planted differences keep clear of planted anomalies; a planted invalid value the ledger cannot hold is no difference but not on chain.
        var anomalyRows = truth.Anomalies.Select(a => $"{a.File}:{a.Row}").ToHashSet(StringComparer.Ordinal);
        Assert.All(truth.ChainDifferences, d => Assert.DoesNotContain(d.Location, anomalyRows));
        var books = (await OffChain.IndigoSource.LoadAsync(dir, cancellationToken: Ct)).Value;
        var unseedable = LedgerSeeder.NotOnChain(books).Where(n => n.RecordType != "commitment").Select(n => n.Provenance.Describe()).ToList();
        Assert.NotEmpty(unseedable);
        Assert.All(unseedable, row => Assert.Contains(row, anomalyRows));

        await using var node = await TestChain.StartAsync(ct: Ct);
        var error = new StringWriter();
        Assert.True(await CollabCli.InvokeAsync(["chain", "seed", "--scenario", dir, "--rpc", node.Url, "--json"], new StringWriter(), error, Ct) == 0, error.ToString());
        using (var seed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "onchain-seed.json"), Ct)))
        {
            Assert.Equal(truth.ChainDifferences.Count, seed.RootElement.GetProperty("chain_differences").GetInt32());
        }

        var chainDir = RepoPaths.NewTempDirectory();
        var extract = await CollabCli.InvokeAsync(
            ["chain", "extract", "--rpc", node.Url, "--address", ReadSeed(dir, "ledger"), "--abi", BuiltInAbis.OutcomeLedger, "--from", "0", "--out", chainDir, "--json"],
            new StringWriter(), error, Ct);
        Assert.True(extract == 0, error.ToString());

        var output = new StringWriter();
        Assert.True(await CollabCli.InvokeAsync(["reconcile", "--offchain", dir, "--onchain", chainDir, "--json"], output, error, Ct) == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var evaluation = json.RootElement.GetProperty("evaluation");
        Assert.True(evaluation.GetProperty("exact").GetBoolean(), output.ToString());
        foreach (var score in evaluation.GetProperty("classes").EnumerateArray())
        {
            Assert.Equal(1.0, score.GetProperty("precision").GetDouble());
            Assert.Equal(1.0, score.GetProperty("recall").GetDouble());
            Assert.Equal(truth.ChainDifferences.Count(d => d.Class == score.GetProperty("class").GetString()), score.GetProperty("expected").GetInt32());
        }

        Assert.All(json.RootElement.GetProperty("entries").EnumerateArray(), e => Assert.True(e.GetProperty("planted").GetBoolean()));
        Assert.Equal(truth.ChainDifferences.Count, json.RootElement.GetProperty("entries").GetArrayLength());
        var notOnChain = json.RootElement.GetProperty("not_on_chain").EnumerateArray()
            .Select(n => $"{n.GetProperty("off_chain").GetProperty("file").GetString()}:{n.GetProperty("off_chain").GetProperty("row").GetInt32()}").ToList();
        Assert.Equal(unseedable.Order(StringComparer.Ordinal), notOnChain.Order(StringComparer.Ordinal));
        Assert.Equal(unseedable.Count, json.RootElement.GetProperty("not_on_chain_count").GetInt32());

        // The table form names each planted difference as such.
        var table = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["reconcile", "--offchain", dir, "--onchain", chainDir], table, error, Ct));
        Assert.Contains("planted", table.ToString(), StringComparison.Ordinal);
        Assert.Contains("recall", table.ToString(), StringComparison.Ordinal);
    }

    private static string ReadSeed(string dir, string property)
    {
        using var seed = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "onchain-seed.json")));
        return seed.RootElement.GetProperty(property).GetString()!;
    }

    private static async Task<CollabDataset> ExtractAsync(AnvilNode node, LedgerSeedResult seeded, CollabDataset books)
    {
        var records = await LedgerChain.ExtractAsync(node.Endpoint, seeded, books, Ct);
        return CollabDataset.Empty with { Results = records.Attestations, Payments = records.Payments };
    }
}
