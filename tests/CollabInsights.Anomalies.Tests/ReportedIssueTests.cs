using System.Text.Json;
using CollabInsights.Anomalies.Evaluation;
using CollabInsights.Anomalies.Ml;
using CollabInsights.Cli;
using CollabInsights.Cli.Commands;
using CollabInsights.OffChain;
using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Extraction;
using CollabInsights.OnChain.Seeding;
using CollabInsights.Scenarios;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Anomalies.Tests;

/// <summary>What a new user walking the README found wrong around <c>collab anomalies</c>, each pinned by a test.</summary>
public class ReportedIssueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> WriteScenarioAsync(int seed, int projects)
    {
        var dir = Path.Combine(RepoPaths.NewTempDirectory(), "scenario");
        await ScenarioGenerator.WriteAsync(ScenarioOptions.Default with { Seed = seed, Projects = projects }, dir, Ct);
        return dir;
    }

    private static async Task<(int Code, string Output, string Error)> CollabAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Demo_anomalies_json_is_exactly_what_anomalies_json_prints()
    {
        var scenario = await WriteScenarioAsync(42, 5);
        var outDir = Path.GetDirectoryName(scenario)!;
        var ctx = new DemoContext(outDir, ScenarioOptions.Default with { Seed = 42, Projects = 5 }, CliCommand.ConsoleFor(new StringWriter()))
        {
            ScenarioDirectory = scenario,
            Load = await IndigoSource.LoadAsync(scenario, cancellationToken: Ct),
        };
        await DemoCommand.Steps().Single(s => s.Name.StartsWith("Flag anomalies", StringComparison.Ordinal)).Run(ctx, Ct);
        var demo = await File.ReadAllTextAsync(Path.Combine(outDir, "anomalies.json"), Ct);

        var (code, printed, _) = await CollabAsync("anomalies", "--data", scenario, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(demo);
        Assert.Equal(["flags", "counts", "anomaly_flags", "data_quality", "forensic_tests"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.True(doc.RootElement.GetProperty("flags").GetArrayLength() > 0);
        Assert.Equal(printed, demo);
    }

    [Fact]
    public async Task Ml_explanations_never_print_NaN_on_the_demo_scenario_or_the_INDIGO_export()
    {
        var scenario = await IndigoSource.LoadAsync(await WriteScenarioAsync(42, 20), cancellationToken: Ct);
        var indigo = await IndigoSource.LoadAsync(RepoPaths.IndigoData, cancellationToken: Ct);
        foreach (var (name, loaded) in new[] { ("demo scenario", scenario), ("INDIGO export", indigo) })
        {
            var flags = AnomalyDetection.Run(loaded);
            Assert.Contains(flags, f => f.Kind == FlagKinds.MlOutlier);
            Assert.All(flags, f => Assert.DoesNotContain("NaN", f.Reason, StringComparison.Ordinal));
            // Both datasets have a flagged payment explained by a feature with no value: it now says why.
            Assert.True(flags.Any(f => f.Reason.Contains("(unknown, ", StringComparison.Ordinal)), $"{name}: no explanation of an unknown feature");
        }

        var peers = MlAnomalyDetector.Explain(new FeatureContribution("log_price_vs_peers", 0.024, double.NaN));
        Assert.Equal("excess of the contract price over comparable metrics (unknown, no comparable metrics, as fewer than 3 prices share its definition or sector, so scored as the median, 2.4% of the score)", peers);
        Assert.Equal("payment amount (1.5, 40% of the score)", MlAnomalyDetector.Explain(new FeatureContribution("log_amount", 0.4, 1.5)));
    }

    [Fact]
    public async Task Evaluating_a_scenario_without_planted_anomalies_shows_na_warns_how_to_plant_some_and_exits_2()
    {
        var scenario = await WriteScenarioAsync(42, 20);
        var (code, text, error) = await CollabAsync("anomalies", "evaluate", "--scenario", scenario, "--no-isolation-forest");
        Assert.Equal(2, code);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        var allRules = text.Split('\n').Single(l => l.StartsWith("all rules", StringComparison.Ordinal));
        Assert.EndsWith("n/a     n/a    n/a", allRules, StringComparison.Ordinal);
        Assert.All(text.Split('\n').Where(l => l.StartsWith("ml.net kmeans", StringComparison.Ordinal)), l => Assert.Contains("n/a", l, StringComparison.Ordinal));
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(scenario, "ground-truth.json"), error, StringComparison.Ordinal);
        Assert.Contains("no labelled anomalies", error, StringComparison.Ordinal);
        Assert.Contains("collab generate", error, StringComparison.Ordinal);
        Assert.Contains("--anomalies 0.05", error, StringComparison.Ordinal);

        (code, var json, error) = await CollabAsync("anomalies", "evaluate", "--scenario", scenario, "--no-isolation-forest", "--json");
        Assert.Equal(2, code);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var ranking = doc.RootElement.GetProperty("runs")[0].GetProperty("ranking");
        Assert.True(ranking.GetArrayLength() > 0);
        Assert.All(ranking.EnumerateArray(), m =>
        {
            Assert.Equal(JsonValueKind.Null, m.GetProperty("roc_auc").ValueKind);
            Assert.Equal(JsonValueKind.Null, m.GetProperty("precision_at_k").ValueKind);
        });
        Assert.Contains("--anomalies 0.05", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_block_over_several_runs_labels_counts_as_totals_and_scores_as_means()
    {
        static EvaluationRun Run(int labelled, int tp, double auc) => new(
            $"run {labelled}", 100, labelled,
            [new KindMetrics(FlagKinds.DuplicatePayment, labelled, labelled, tp)],
            [new RankingMetrics("ml.net kmeans", "subtle", labelled, 90, auc, labelled, 0.5)]);
        var text = EvaluationText.Render([Run(5, 5, 0.9), Run(5, 4, 0.8), Run(4, 4, 1.0)]);
        var lines = text.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("== 3 runs", StringComparison.Ordinal));
        Assert.True(header > 0, text);
        Assert.Contains("totals", lines[header], StringComparison.Ordinal);
        Assert.Contains("means", lines[header], StringComparison.Ordinal);
        Assert.DoesNotContain("mean over", text, StringComparison.Ordinal);
        var rule = lines.Skip(header).First(l => l.StartsWith(FlagKinds.DuplicatePayment, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["14", "14", "13"], rule[1..4]);
        Assert.Equal((13.0 / 14).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), rule[4]);
        var ranking = lines.Skip(header).First(l => l.StartsWith("ml.net kmeans", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["14", "270", "0.900", "14", "0.500"], ranking[3..]);
    }

    [Fact]
    public async Task Anomalies_flags_the_records_of_a_chain_extract_folder_as_reconcile_reads_them()
    {
        RepoPaths.NodeTool("anvil");
        var books = await WriteScenarioAsync(5, 2);
        var loaded = await IndigoSource.LoadAsync(books, cancellationToken: Ct);
        var chainDir = Path.Combine(Path.GetDirectoryName(books)!, "chain");
        await using (var node = await AnvilNode.StartAsync(new AnvilOptions(), Ct))
        {
            // What collab demo and collab chain seed + chain extract --abi outcome-ledger leave behind.
            var seed = await LedgerSeeder.SeedAsync(loaded.Value, node.Web3, cancellationToken: Ct);
            await File.WriteAllTextAsync(Path.Combine(books, "onchain-seed.json"), JsonSerializer.Serialize(ChainSeedCommand.ToJson(seed, node.Endpoint), CliCommand.IndentedJson), Ct);
            await new LogExtractor(new RpcLogSource(node.Endpoint), new ExtractionOptions
            {
                OutputDirectory = chainDir,
                Filter = EventFilter.ForAddresses(seed.LedgerAddress.ToLowerInvariant(), seed.TokenAddress.ToLowerInvariant()),
                FromBlock = seed.FromBlock,
                ToBlock = seed.ToBlock,
                Decoder = new AbiLogDecoder(CompiledContract.LedgerAndToken.Events),
                BlockTimestamps = true,
            }).RunAsync(null, Ct);
            await ExtractionOutput.Open(chainDir).CompactAsync(cancellationToken: Ct);
        }

        var (code, json, error) = await CollabAsync("anomalies", "--data", books, "--chain", chainDir, "--json");
        Assert.True(code == 0, error);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(json);
        var flags = doc.RootElement.GetProperty("flags").EnumerateArray().ToList();
        var onChain = flags.Where(f => f.GetProperty("tx").ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(onChain);
        var projects = loaded.Value.Projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(onChain, f =>
        {
            Assert.StartsWith("0x", f.GetProperty("tx").GetString(), StringComparison.Ordinal);
            Assert.True(f.GetProperty("log_index").GetInt32() >= 0);
            Assert.Contains(f.GetProperty("project").GetString()!, projects);
        });
        // The books' own rows are flagged once, by the --data run, not again through the chain run.
        Assert.Equal(flags.Count - onChain.Count, AnomalyDetection.Run(loaded).Count);
    }

    [Fact]
    public async Task Anomalies_with_a_missing_data_path_exits_2_with_an_error_naming_the_path()
    {
        var missing = Path.Combine(RepoPaths.NewTempDirectory(), "no-such-export");
        var (code, _, error) = await CollabAsync("anomalies", "--data", missing);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(missing, error, StringComparison.Ordinal);

        (code, _, error) = await CollabAsync("anomalies", "--data", RepoPaths.IndigoData, "--chain", missing);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }
}
