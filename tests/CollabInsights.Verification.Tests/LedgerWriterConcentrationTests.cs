using System.Globalization;
using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Extraction;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Verification.Tests;

/// <summary>Who holds the pen on the ledger itself: writer concentration computed from the outcome ledger's events, recomputed by hand from the extracted tables.</summary>
public class LedgerWriterConcentrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Table, string Action, string Column)[] Writes =
    [
        ("ProjectRegistered", "register", "commissioner"), ("FundingCommitted", "commit", "funder"), ("OutcomeAttested", "attest", "validator"),
        ("OutcomePaid", "pay", "payer"), ("DatasetAnchored", "anchor", "anchoredBy"),
    ];

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Governance_over_a_seeded_ledger_measures_the_writers_of_its_events()
    {
        var root = RepoPaths.NewTempDirectory("ledger-writers");
        var scenario = Path.Combine(root, "scenario");
        Assert.Equal(0, (await RunAsync("generate", "--seed", "11", "--projects", "5", "--out", scenario)).Code);
        await using var node = await AnvilNode.StartAsync(new AnvilOptions(), Ct);
        var seeded = await RunAsync("chain", "seed", "--scenario", scenario, "--rpc", node.Url, "--exact", "--json");
        Assert.True(seeded.Code == 0, seeded.Err);
        string ledger;
        using (var seed = JsonDocument.Parse(seeded.Out))
        {
            ledger = seed.RootElement.GetProperty("ledger").GetString()!;
        }

        var extracted = Path.Combine(root, "chain");
        var extract = await RunAsync("chain", "extract", "--rpc", node.Url, "--address", ledger, "--abi", "outcome-ledger", "--from", "0", "--out", extracted);
        Assert.True(extract.Code == 0, extract.Err);
        var governance = await RunAsync("governance", "--data", scenario, "--chain", extracted, "--json");
        Assert.True(governance.Code == 0, governance.Err);

        // By hand, from the extracted event tables: who wrote each event (by address), per action and overall.
        var output = ExtractionOutput.Open(extracted);
        var byAction = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (table, action, column) in Writes)
        {
            var chunk = await output.ReadTableAsync(table, Ct);
            var index = chunk is null ? -1 : chunk.Table.Columns.Select(c => c.Name).ToList().IndexOf(column);
            byAction[action] = chunk is null ? [] : chunk.Rows.Select(r => Convert.ToString(r[index], CultureInfo.InvariantCulture)!).ToList();
        }

        byAction["(all)"] = byAction.Values.SelectMany(v => v).ToList();
        using var rows = JsonDocument.Parse(governance.Out);
        JsonElement Row(string action) => rows.RootElement.EnumerateArray().Single(r =>
            r.GetProperty("source").GetString() == "ledger" && r.GetProperty("project").GetString() == "(all)" && r.GetProperty("action").GetString() == action).GetProperty("metrics");

        Assert.NotEmpty(byAction["register"]);
        Assert.NotEmpty(byAction["pay"]);
        foreach (var (action, writers) in byAction.Where(a => a.Value.Count > 0))
        {
            var counts = writers.GroupBy(w => w, StringComparer.OrdinalIgnoreCase).Select(g => (double)g.Count()).OrderDescending().ToList();
            var total = counts.Sum();
            var hhi = counts.Sum(c => Math.Pow(100 * c / total, 2));
            var nakamoto = 0;
            for (double covered = 0; covered <= total / 2; nakamoto++)
            {
                covered += counts[nakamoto];
            }

            var m = Row(action);
            Assert.Equal((counts.Count, (long)total, nakamoto), (m.GetProperty("writers").GetInt32(), m.GetProperty("writes").GetInt64(), m.GetProperty("nakamoto_coefficient").GetInt32()));
            Assert.Equal(Math.Round(hhi, 2), m.GetProperty("hhi").GetDouble(), 6); // the HHI is reported to 2 decimals
        }

        // Registering projects is a ledger write the books do not have: the books show no such action.
        Assert.DoesNotContain(rows.RootElement.EnumerateArray(), r => r.GetProperty("source").GetString() == "books" && r.GetProperty("action").GetString() == "register");
    }
}
