using System.Text.Json;
using CollabInsights.Carbon.Bridge;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Extraction;
using CollabInsights.Scenarios;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Carbon.Tests;

public class BridgeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Planted_bridge_differences_on_two_chains_are_found_with_precision_and_recall_one()
    {
        var dir = RepoPaths.NewTempDirectory("bridge");
        var scenario = await CarbonBridgeScenario.GenerateAsync(dir, new CarbonBridgeScenarioOptions { Seed = 7, BridgedBlocks = 60, DifferenceRate = 0.05 }, Ct);
        Assert.All(BridgeFlagKinds.All.Where(k => k != BridgeFlagKinds.AmbiguousBacking), k => Assert.Contains(scenario.Planted, p => p.Kind == k));
        Assert.Equal(["same_bridge", "two_bridges", "two_chains"], scenario.Planted.Where(p => p.Scope is not null).Select(p => p.Scope!).Distinct().Order());

        await using var a = await AnvilNode.StartAsync(new AnvilOptions { ChainId = 31337 }, Ct);
        await using var b = await AnvilNode.StartAsync(new AnvilOptions { ChainId = 31338 }, Ct);
        var seeds = new List<BridgeSeedResult>();
        var parts = new List<BridgeChainRecords>();
        foreach (var (label, node) in new[] { ("A", a), ("B", b) })
        {
            var seed = await CarbonBridgeSeeder.SeedAsync(scenario.Plan, label, node.Url, cancellationToken: Ct);
            seeds.Add(seed);
            parts.Add(await BridgeChainRecords.ReadAsync(await ExtractAsync(node.Url, seed), Ct));
        }

        Assert.Equal(scenario.Plan.Mints.Count, parts.Sum(p => p.Batches.Count));
        Assert.Equal(scenario.Plan.Retirements.Count, parts.Sum(p => p.Retirements.Count));
        var registry = await CarbonTestData.LoadAsync(Path.Combine(dir, CarbonBridgeScenario.RegistryFolder));
        Assert.Empty(registry.Problems);
        var result = BridgeReconciler.Reconcile(registry.Value, BridgeChainRecords.Combine(parts));
        var evaluation = BridgeEvaluation.Evaluate(result, scenario.Planted, seeds);

        Assert.Empty(evaluation.Missed);
        Assert.Empty(evaluation.Unexpected);
        Assert.All(evaluation.Scores, s => Assert.Equal((1.0, 1.0), (s.Precision, s.Recall)));
        Assert.Equal(scenario.Planted.Count, result.Flags.Count);
        Assert.Equal(
            ["same_bridge", "two_bridges", "two_chains"],
            result.Flags.Where(f => f.Kind == BridgeFlagKinds.DoubleBridge).Select(f => f.Scope!).Distinct().Order());
        var planted = new[] { BridgeFlagKinds.UnbackedBatch, BridgeFlagKinds.QuantityMismatch, BridgeFlagKinds.SerialMismatch }.Sum(k => scenario.Planted.Count(p => p.Kind == k));
        Assert.Equal(result.Batches - planted, result.BatchesBacked);
    }

    [Fact]
    public async Task Real_Verra_retirements_tagged_for_a_bridge_are_minted_extracted_and_reconcile_with_no_flag()
    {
        // OffsetsDB's 2026 Verra sample has no bridged retirement (Verra stopped Toucan's bridging in 2022): nothing to mint.
        var real = await CarbonTestData.LoadAsync(CarbonTestData.OffsetsDb);
        Assert.Empty(BridgePlan.FromRegistry(real.Value).Mints);

        // Tag eight of its real retired blocks the way Verra tagged Toucan's (details starting TOUCAN) in a copy.
        var dir = CarbonTestData.CopyOfReal();
        var transactions = Path.Combine(dir, "verra", "transactions.csv");
        var (header, rows) = CarbonTestData.ReadCsv(transactions);
        int retired = Array.IndexOf(header, "Retirement/Cancellation Date"), details = Array.IndexOf(header, "Retirement Details");
        var tagged = rows.Select((r, i) => (r, i)).Where(x => x.r[retired].Length > 0).Take(8).Select(x => x.i + 1).ToList();
        foreach (var row in tagged)
        {
            rows[row - 1][details] = "TOUCAN: bridged to the Toucan Base Carbon Tonne";
        }

        CarbonTestData.WriteCsv(transactions, header, rows);
        var registry = await CarbonTestData.LoadAsync(dir);
        var plan = BridgePlan.FromRegistry(registry.Value, BridgeTagRule.CarbonPlan);
        Assert.Equal(tagged.Select(r => $"verra/transactions.csv:{r}"), plan.Mints.Select(m => m.RegistryRetirement));

        await using var node = await AnvilNode.StartAsync(new AnvilOptions(), Ct);
        await plan.SaveAsync(Path.Combine(dir, BridgePlan.FileName), Ct);
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.True(0 == await CollabCli.InvokeAsync(["carbon", "bridge", "seed", "--plan", Path.Combine(dir, BridgePlan.FileName), "--rpc", node.Url, "--json"], output, error, Ct), error.ToString());
        var seed = JsonSerializer.Deserialize<BridgeSeedResult>(output.ToString())!;
        Assert.Equal((8, 9), (seed.BatchesMinted, seed.Transactions)); // one Toucan bridge deployed, eight batches minted

        var extracted = Path.Combine(dir, "extracted");
        var args = new List<string> { "chain", "extract", "--rpc", node.Url, "--abi", Path.Combine(dir, "CarbonBridge.abi.json"), "--from", "0", "--out", extracted };
        args.AddRange(seed.Bridges.Values.SelectMany(address => new[] { "--address", address }));
        Assert.True(0 == await CollabCli.InvokeAsync([.. args], new StringWriter(), error, Ct), error.ToString());

        output = new StringWriter();
        Assert.True(0 == await CollabCli.InvokeAsync(["carbon", "bridge", "reconcile", "--data", dir, "--chain", extracted, "--tag-rule", "carbonplan", "--json"], output, error, Ct), error.ToString());
        using var doc = JsonDocument.Parse(output.ToString());
        Assert.Equal((8, 8, 8), (doc.RootElement.GetProperty("batches").GetInt32(), doc.RootElement.GetProperty("batches_backed").GetInt32(), doc.RootElement.GetProperty("tagged_retirements").GetInt32()));
        Assert.Equal(0, doc.RootElement.GetProperty("flags").GetArrayLength());

        var report = Path.Combine(dir, "carbon.html");
        Assert.True(0 == await CollabCli.InvokeAsync(["carbon", "report", "--data", dir, "--chain", extracted, "--out", report], new StringWriter(), error, Ct), error.ToString());
        var html = await File.ReadAllTextAsync(report, Ct);
        Assert.Contains("Bridged tokens on chain", html, StringComparison.Ordinal);
        Assert.Contains("8 token batches minted, 8 backed by exactly one bridge-tagged registry retirement", html, StringComparison.Ordinal);

        // The same chain read against the untagged real registry: every batch is unbacked.
        var result = BridgeReconciler.Reconcile(real.Value, await BridgeChainRecords.ReadAsync(extracted, Ct), BridgeTagRule.CarbonPlan);
        Assert.Equal(8, result.Counts[BridgeFlagKinds.UnbackedBatch]);
    }

    [Fact]
    public void Two_token_retirements_claiming_the_same_serials_and_a_block_retired_twice_with_the_tag_are_flagged()
    {
        var serial = new SerialRange("VCS-VCU", 100, 199, "100-199");
        CreditBlock Tagged(int row) => new("verra", "P1", CreditStatus.Retired, 2015, 100, serial, null, null, null, null, "TOUCAN: bridged", new FileProvenance("verra/transactions.csv", row));
        var registry = new CarbonDataset([], [], [Tagged(1), Tagged(2)]);
        var at = new ChainProvenance(1, 5, "0x", "0xaa", 0, DateTimeOffset.UnixEpoch);
        var batch = new BridgedBatch(1, "0xB1", 1, "0xH", "verra", "P1", 2015, serial, 100, "verra/transactions.csv:1", at);
        var claim1 = new TokenRetirement(1, "0xB1", 1, 1, "0xH", 10, serial with { Last = 109 }, "first", at);
        var claim2 = new TokenRetirement(1, "0xB1", 2, 1, "0xH", 10, serial with { First = 105, Last = 114 }, "second", at with { Timestamp = DateTimeOffset.UnixEpoch.AddDays(1) });
        var result = BridgeReconciler.Reconcile(registry, new BridgeChainRecords([batch], [claim1, claim2]));

        var ambiguous = Assert.Single(result.Flags, f => f.Kind == BridgeFlagKinds.AmbiguousBacking);
        Assert.Equal(batch.Key, ambiguous.Subject);
        var claim = Assert.Single(result.Flags, f => f.Kind == BridgeFlagKinds.DoubleClaim);
        Assert.Equal((claim2.Key, claim1.Key), (claim.Subject, claim.Related));
        Assert.Equal(0, result.BatchesBacked);
    }

    private static async Task<string> ExtractAsync(string url, BridgeSeedResult seed)
    {
        var dir = RepoPaths.NewTempDirectory("bridge-extract");
        await new LogExtractor(new RpcLogSource(url), new ExtractionOptions
        {
            OutputDirectory = dir,
            Filter = EventFilter.ForAddresses([.. seed.Bridges.Values.Select(v => v.ToLowerInvariant())]),
            FromBlock = seed.FromBlock,
            ToBlock = seed.ToBlock,
            Decoder = AbiLogDecoder.FromJson(CarbonBridgeSeeder.AbiJson),
            BlockTimestamps = true,
        }).RunAsync(null, Ct);
        return dir;
    }
}
