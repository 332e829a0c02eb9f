using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.OnChain.Contracts;
using CollabInsights.Tests.Shared;
using CollabInsights.OnChain.Seeding;
using CollabInsights.Scenarios;
using Nethereum.Util;

namespace CollabInsights.OnChain.Tests;

public class LedgerSeederTests
{
    [Fact]
    public async Task Seeding_a_generated_scenario_puts_every_seedable_record_on_chain_as_events()
    {
        var ct = TestContext.Current.CancellationToken;
        var scenario = ScenarioGenerator.Generate(ScenarioOptions.Default with { Projects = 3, Seed = 7 });
        var dataset = scenario.Dataset;
        await using var node = await TestChain.StartAsync(ct: ct);
        var reports = new List<LedgerSeedProgress>();
        var result = await LedgerSeeder.SeedAsync(dataset, node.Web3, progress: new InlineProgress(reports.Add), cancellationToken: ct);

        Assert.Equal(3, result.Projects);
        Assert.Equal(result.Transactions, reports[^1].Done);
        Assert.Equal(reports[^1].Total, reports[^1].Done);
        var actualPayments = dataset.Payments.Count(p => p.Type == PaymentType.Actual && p.Amount is { Amount: > 0 } && p.PeriodStart is not null && p.PeriodEnd is not null);
        Assert.True(result.Payments > 0);
        Assert.True(result.Payments <= actualPayments);
        Assert.Equal(dataset.Results.Count + dataset.Commitments.Count + dataset.Payments.Count(p => p.Type == PaymentType.Actual),
            result.Attestations + result.Commitments + result.Payments + result.Skipped.Count);

        var logs = await node.Web3.GetLogsAsync(result.LedgerAddress, result.FromBlock, result.ToBlock, ct);
        var events = OutcomeLedgerService.Contract.Abi.Events.ToDictionary(e => "0x" + e.Sha3Signature, e => e.Name, StringComparer.OrdinalIgnoreCase);
        var names = logs.Select(l => events[l.Topics[0]]).ToList();
        Assert.Equal(3, names.Count(n => n == "ProjectRegistered"));
        Assert.Equal(result.Commitments, names.Count(n => n == "FundingCommitted"));
        Assert.Equal(result.Attestations, names.Count(n => n == "OutcomeAttested"));
        Assert.Equal(result.Payments, names.Count(n => n == "OutcomePaid"));
        Assert.Equal(3, names.Count(n => n == "DatasetAnchored"));

        // Paid amounts on chain equal the off-chain amounts of the seeded payments, to the token's 6 decimals.
        var paid = new CollabInsights.OnChain.Extraction.AbiLogDecoder(OutcomeLedgerService.Contract.Abi.Events).Tables.Single(t => t.Name == "OutcomePaid");
        var decoder = new CollabInsights.OnChain.Extraction.AbiLogDecoder(OutcomeLedgerService.Contract.Abi.Events);
        var amount = paid.ParameterColumns.ToList().FindIndex(c => c.Name == "amount");
        var paidOnChain = logs.Select(decoder.Decode).Where(d => d.Table.Name == "OutcomePaid")
            .Sum(d => decimal.Parse((string)d.Values[amount]!, System.Globalization.CultureInfo.InvariantCulture) / 1_000_000m);
        var paidOffChain = dataset.Payments.Where(p => p.Type == PaymentType.Actual && p.Amount is { Amount: > 0 } && p.PeriodStart is not null && p.PeriodEnd is not null)
            .Sum(p => Math.Round(p.Amount!.Value.Amount, 6));
        Assert.Equal(paidOffChain, paidOnChain);
    }

    [Fact]
    public void Merkle_root_of_one_leaf_is_the_leaf_and_pairs_are_order_independent()
    {
        var a = Sha3Keccack.Current.CalculateHashAsBytes("a");
        var b = Sha3Keccack.Current.CalculateHashAsBytes("b");
        Assert.Equal(a, LedgerSeeder.MerkleRoot([a]));
        Assert.Equal(LedgerSeeder.MerkleRoot([a, b]), LedgerSeeder.MerkleRoot([b, a]));
        Assert.NotEqual(LedgerSeeder.MerkleRoot([a, b]), LedgerSeeder.MerkleRoot([a, Sha3Keccack.Current.CalculateHashAsBytes("c")]));
    }

    [Fact]
    public async Task Chain_seed_command_seeds_a_scenario_folder_and_writes_the_result_file()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory();
        await ScenarioGenerator.WriteAsync(ScenarioOptions.Default with { Projects = 2, Seed = 3 }, dir, ct);
        await using var node = await TestChain.StartAsync(ct: ct);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["chain", "seed", "--scenario", dir, "--rpc", node.Url, "--json"], output, error, ct);
        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "onchain-seed.json")));
        var ledger = json.RootElement.GetProperty("ledger").GetString()!;
        Assert.True((await node.Web3.Eth.GetCode.SendRequestAsync(ledger).WaitAsync(ct)).Length > 2);
        Assert.Equal(2, json.RootElement.GetProperty("projects").GetInt32());
        Assert.True(json.RootElement.GetProperty("transactions").GetInt32() > 2 * 3, "counts transactions without a progress reporter too");

        // The table form says where the result went and how to read the ledger back.
        var table = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["chain", "seed", "--scenario", dir, "--rpc", node.Url, "--out", Path.Combine(dir, "second.json")], table, error, ct));
        using var second = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "second.json")));
        var secondLedger = second.RootElement.GetProperty("ledger").GetString()!;
        Assert.NotEqual(ledger, secondLedger);
        Assert.Contains($"Wrote {Path.Combine(dir, "second.json")}", table.ToString(), StringComparison.Ordinal);
        Assert.Contains($"--address {secondLedger} --abi outcome-ledger --from {second.RootElement.GetProperty("from_block").GetInt64()}", table.ToString(), StringComparison.Ordinal);

        var missing = await CollabCli.InvokeAsync(["chain", "seed", "--scenario", dir], new StringWriter(), error, ct);
        Assert.NotEqual(0, missing);
    }

    private sealed class InlineProgress(Action<LedgerSeedProgress> report) : IProgress<LedgerSeedProgress>
    {
        public void Report(LedgerSeedProgress value) => report(value);
    }
}
