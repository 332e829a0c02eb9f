using CollabInsights.Cli;
using CollabInsights.Fit;
using CollabInsights.Governance;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Verification.Tests;

/// <summary>Who holds the pen: Nakamoto coefficient, HHI and Gini on hand-computed cases, per project and overall, and as input to the fit assessment.</summary>
public class WriterConcentrationTests
{
    private static KeyValuePair<string, long> W(string writer, long writes) => KeyValuePair.Create(writer, writes);

    [Fact]
    public void One_writer_alone_has_nakamoto_1_hhi_10000_and_gini_0()
    {
        var m = ConcentrationMetrics.Measure([W("council", 12)]);

        Assert.Equal((1, 12L, 1, 10000.0, "highly concentrated", 0.0, "council", 1.0), (m.Writers, m.Writes, m.NakamotoCoefficient, m.Hhi, m.HhiBand, m.Gini, m.TopWriter, m.TopShare));
    }

    [Fact]
    public void Hand_computed_shares_give_the_expected_indices_and_bands()
    {
        // Shares 50/30/20: HHI = 2500 + 900 + 400 = 3800; half needs two writers (50% is not more than half); Gini = 0.2.
        var a = ConcentrationMetrics.Measure([W("a", 5), W("b", 3), W("c", 2)]);
        // Ten equal writers: HHI 1000, unconcentrated; six writers needed for more than half; Gini 0.
        var b = ConcentrationMetrics.Measure(Enumerable.Range(0, 10).Select(i => W("w" + i, 7)));
        // Shares 40/30/30: HHI 1600 + 900 + 900 = 3400; 25/25/25/25: 2500 is at most the high threshold, so moderately concentrated.
        var c = ConcentrationMetrics.Measure([W("a", 25), W("b", 25), W("c", 25), W("d", 25)]);
        var d = ConcentrationMetrics.Measure([W("a", 40), W("b", 30), W("c", 20), W("d", 10)]);

        Assert.Equal((2, 3800.0, "highly concentrated"), (a.NakamotoCoefficient, a.Hhi, a.HhiBand));
        Assert.Equal(0.2, a.Gini, 4);
        Assert.Equal((6, 1000.0, "unconcentrated", 0.0), (b.NakamotoCoefficient, b.Hhi, b.HhiBand, b.Gini));
        Assert.Equal((3, 2500.0, "moderately concentrated"), (c.NakamotoCoefficient, c.Hhi, c.HhiBand));
        Assert.Equal((2, 3000.0), (d.NakamotoCoefficient, d.Hhi));
        Assert.Equal(0.25, d.Gini, 4);
        Assert.Equal("moderately concentrated", ConcentrationMetrics.Band(1500));
        Assert.Equal("unconcentrated", ConcentrationMetrics.Band(1499.99));
    }

    [Fact]
    public void Writes_are_measured_per_source_project_and_action_with_overall_rows_first()
    {
        LedgerWrite[] writes =
        [
            new("ledger", "P1", "pay", "council"), new("ledger", "P1", "pay", "council"), new("ledger", "P1", "attest", "auditor"),
            new("ledger", "P2", "pay", "fund"), new("ledger", "P2", "attest", "auditor"), new("books", "P1", "pay", "council"),
        ];

        var rows = WriterConcentration.Measure(writes);

        Assert.Equal(("books", WriterConcentration.All, WriterConcentration.All), (rows[0].Source, rows[0].Project, rows[0].Action));
        var ledgerAll = rows.Single(r => r.Source == "ledger" && r.Project == WriterConcentration.All && r.Action == WriterConcentration.All).Metrics;
        Assert.Equal((3, 5L, 2), (ledgerAll.Writers, ledgerAll.Writes, ledgerAll.NakamotoCoefficient));
        Assert.Equal(3600.0, ledgerAll.Hhi); // 40% council, 40% auditor, 20% fund: 1600 + 1600 + 400
        var p1Pay = rows.Single(r => r.Source == "ledger" && r.Project == "P1" && r.Action == "pay").Metrics;
        Assert.Equal((1, 10000.0), (p1Pay.NakamotoCoefficient, p1Pay.Hhi));
        Assert.Contains("ledger,P1,pay,1,2,1,10000,highly concentrated,0,council,1", WriterConcentration.ToCsv(rows), StringComparison.Ordinal);
        Assert.Contains("Horizontal Merger Guidelines", WriterConcentration.ToHtml(rows), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Governance_runs_on_a_generated_scenario_and_its_output_feeds_collab_fit()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = RepoPaths.NewTempDirectory("governance");
        var scenario = Path.Combine(root, "scenario");
        var output = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["generate", "--seed", "5", "--projects", "6", "--out", scenario], output, output, ct));
        var outDir = Path.Combine(root, "writers");
        var governance = new StringWriter();

        var code = await CollabCli.InvokeAsync(["governance", "--data", scenario, "--out", outDir], governance, governance, ct);

        Assert.Equal(0, code);
        Assert.Contains("books   (all)", governance.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "writers.html")));
        var answers = Path.Combine(root, "answers.json");
        await File.WriteAllTextAsync(answers, """
            {"answers": {"needs_shared_state": true, "multiple_writers": true, "trusted_third_party_available": false, "all_writers_known": true,
              "all_writers_trusted": false, "public_verifiability": true, "access_rules_differ": true, "transaction_rules_stable": true,
              "needs_immutable_log": true, "records_never_updated": true, "sensitive_data_on_ledger": false, "needs_digital_asset": false},
             "requirements": {"erasure_of_personal_data_required": true}}
            """, ct);
        var fit = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["fit", "--answers", answers, "--writers", Path.Combine(outDir, "writers.json"), "--json"], fit, fit, ct));
        Assert.Contains("Who holds the pen?", fit.ToString(), StringComparison.Ordinal);
        Assert.Contains("Horizontal Merger Guidelines 2010", fit.ToString(), StringComparison.Ordinal);
        Assert.Contains("collab anchor", fit.ToString(), StringComparison.Ordinal);
        Assert.Contains("collab erase", fit.ToString(), StringComparison.Ordinal);
    }
}
