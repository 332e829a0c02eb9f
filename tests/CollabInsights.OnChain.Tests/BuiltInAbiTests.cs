using System.Globalization;
using System.Numerics;
using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Extraction;
using CollabInsights.Scenarios;
using CollabInsights.Tests.Shared;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace CollabInsights.OnChain.Tests;

public class BuiltInAbiTests
{
    // The topic0 of EIP-20's events, as every block explorer shows them.
    private const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private const string ApprovalTopic = "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925";

    [Fact]
    public void Erc20_is_built_in_with_the_standard_event_topics_and_names_resolve_but_files_win()
    {
        var erc20 = BuiltInAbis.Resolve("ERC20");
        Assert.Equal(
            [("Approval", ApprovalTopic), ("Transfer", TransferTopic)],
            erc20.Events.Select(e => (e.Name, CollabInsights.OnChain.Extraction.AbiLogDecoder.Topic0(e))).OrderBy(e => e.Name, StringComparer.Ordinal).ToArray());
        Assert.Same(CompiledContract.LedgerAndToken, BuiltInAbis.Resolve(BuiltInAbis.OutcomeLedger));

        var dir = RepoPaths.NewTempDirectory();
        var file = Path.Combine(dir, "erc20");
        File.WriteAllText(file, """[{"type":"event","name":"Only","anonymous":false,"inputs":[]}]""");
        Assert.Equal(["Only"], BuiltInAbis.Resolve(file).Events.Select(e => e.Name));

        var error = Assert.Throws<CollabInsightsException>(() => BuiltInAbis.Resolve(Path.Combine(dir, "missing.json")));
        Assert.Contains("missing.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("outcome-ledger, erc20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chain_extract_decodes_a_seeded_ledger_and_its_token_transfers_with_built_in_abis_and_hints_without_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory();
        await ScenarioGenerator.WriteAsync(ScenarioOptions.Default with { Projects = 2, Seed = 5 }, dir, ct);
        await using var node = await TestChain.StartAsync(ct: ct);
        var error = new StringWriter();
        Assert.True(await CollabCli.InvokeAsync(["chain", "seed", "--scenario", dir, "--rpc", node.Url, "--json"], new StringWriter(), error, ct) == 0, error.ToString());
        string ledger, token;
        int payments;
        using (var seed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "onchain-seed.json"), ct)))
        {
            ledger = seed.RootElement.GetProperty("ledger").GetString()!;
            token = seed.RootElement.GetProperty("token").GetString()!;
            payments = seed.RootElement.GetProperty("payments").GetInt32();
        }

        var outDir = RepoPaths.NewTempDirectory();
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(
            ["chain", "extract", "--rpc", node.Url, "--address", ledger, "--address", token, "--abi", "outcome-ledger", "--abi", "erc20", "--from", "0", "--out", outDir, "--json"],
            output, error, ct);

        Assert.True(code == 0, error.ToString());
        using (var summary = JsonDocument.Parse(output.ToString()))
        {
            Assert.Equal(0, summary.RootElement.GetProperty("unknown_logs").GetInt64());
            Assert.Equal(payments, summary.RootElement.GetProperty("logs_per_table").GetProperty("OutcomePaid").GetInt64());
        }

        // The Transfer table holds exactly the token's Transfer logs, counted here from raw eth_getLogs.
        var raw = await node.Web3.GetLogsAsync(token, 0, null, ct, TransferTopic);
        var transfers = await ExtractionOutput.Open(outDir).ReadTableAsync("Transfer", ct);
        Assert.NotNull(transfers);
        Assert.Equal(raw.Count, transfers!.Rows.Count);
        var from = transfers.Table.Columns.ToList().FindIndex(c => c.Name == "from");
        var value = transfers.Table.Columns.ToList().FindIndex(c => c.Name == "value");
        for (var i = 0; i < raw.Count; i++)
        {
            Assert.Equal(AddressUtil.Current.ConvertToChecksumAddress("0x" + raw[i].Topics[1][^40..]), transfers.Rows[i][from]);
            Assert.Equal(new BigInteger(raw[i].Data.HexToByteArray(), isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture), transfers.Rows[i][value]);
        }

        var plain = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["chain", "extract", "--rpc", node.Url, "--address", token, "--from", "0", "--out", RepoPaths.NewTempDirectory()], plain, error, ct));
        Assert.Contains("No --abi was given", plain.ToString(), StringComparison.Ordinal);
        Assert.Contains("--abi erc20", plain.ToString(), StringComparison.Ordinal);
    }
}
