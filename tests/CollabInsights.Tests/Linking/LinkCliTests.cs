using System.Text.Json;
using System.Text.RegularExpressions;
using CollabInsights.Cli;
using CollabInsights.Scenarios;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.Linking;

public class LinkCliTests
{
    [Fact]
    public async Task Link_command_writes_tables_and_an_offline_report_for_a_generated_scenario()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = RepoPaths.NewTempDirectory();
        var scenario = await ScenarioGenerator.WriteAsync(new ScenarioOptions { Seed = 9, Projects = 6 }, data, ct);
        var outDir = RepoPaths.NewTempDirectory();
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CollabCli.InvokeAsync(["link", "--data", data, "--out", outDir, "--json"], output, error, ct);

        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("projects").GetInt32());
        Assert.Equal(0, root.GetProperty("data_problems").GetInt32());
        foreach (var (currency, total) in scenario.GroundTruth.ActualPaidByCurrency)
        {
            Assert.Equal(total, root.GetProperty("paid_actual_by_currency").GetProperty(currency).GetDecimal());
        }

        foreach (var name in new[] { "funder_projects", "funding_links", "without_currency", "excluded", "data_problems" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, "tables", name + ".csv")), name + ".csv");
            Assert.True(new FileInfo(Path.Combine(outDir, "tables", name + ".parquet")).Length > 0, name + ".parquet");
        }

        var csv = await File.ReadAllLinesAsync(Path.Combine(outDir, "tables", "funding_links.csv"), ct);
        Assert.StartsWith("project_id,project_name,policy_sector,funder_id", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.Contains("projects_outcome_payments.csv:1", StringComparison.Ordinal));

        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"), ct);
        Assert.Single(Regex.Matches(html, "plotly.js v2\\.28\\.0", RegexOptions.CultureInvariant));
        Assert.DoesNotMatch(new Regex("<script[^>]+src=\"https?:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), html);
        // Every currency with payments gets its flows, committed-versus-paid and cost-per-outcome charts.
        var currencies = scenario.GroundTruth.ActualPaidByCurrency.Keys.ToList();
        Assert.Equal(3 * currencies.Count, Regex.Matches(html, "renderPlotly_collab_chart_[0-9]+\\(\\);", RegexOptions.CultureInvariant).Count);
        Assert.Equal(currencies.Count, Regex.Matches(html, "\"type\":\"sankey\"", RegexOptions.CultureInvariant).Count);
    }

    [Fact]
    public async Task Link_command_on_the_real_export_links_every_actual_payment_row_and_lists_problems()
    {
        var ct = TestContext.Current.CancellationToken;
        var outDir = RepoPaths.NewTempDirectory();
        var error = new StringWriter();
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["link", "--data", RepoPaths.IndigoData, "--out", outDir, "--json"], output, error, ct);
        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        Assert.True(json.RootElement.GetProperty("data_problems").GetInt32() > 0);
        // Commitments without a currency are counted apart, never shown as a "(none)" currency.
        Assert.All(json.RootElement.GetProperty("paid_actual_by_currency").EnumerateObject(), c => Assert.Matches("^[A-Z]{3}$", c.Name));
        Assert.True(json.RootElement.GetProperty("rows_without_currency").GetInt32() > 0);
        var withoutCurrency = await File.ReadAllLinesAsync(Path.Combine(outDir, "tables", "without_currency.csv"), ct);
        Assert.Equal(json.RootElement.GetProperty("rows_without_currency").GetInt32(), withoutCurrency.Length - 1);
        Assert.All(withoutCurrency.Skip(1), l => Assert.Contains("projects_outcome_payment_commitments.csv:", l, StringComparison.Ordinal));
        var funders = await File.ReadAllTextAsync(Path.Combine(outDir, "tables", "funder_projects.csv"), ct);
        Assert.DoesNotContain("(none)", funders, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"), ct);
        Assert.DoesNotContain("(none)", html, StringComparison.Ordinal);
        Assert.Contains("Rows without a currency", html, StringComparison.Ordinal);
        // The real export has 7 payment rows whose type is neither Planned nor Actual; they are excluded, not dropped silently.
        Assert.True(json.RootElement.GetProperty("excluded_rows").GetInt32() >= 7);
        var problems = await File.ReadAllLinesAsync(Path.Combine(outDir, "tables", "data_problems.csv"), ct);
        Assert.Contains(problems, l => l.Contains("2018-13", StringComparison.Ordinal));

        // Like every other table, each problem row carries its provenance (file:row), the same row it names.
        Assert.Equal("file,row,column,value,severity,message,provenance", problems[0]);
        var month13 = problems.First(l => l.Contains("2018-13", StringComparison.Ordinal));
        var fields = month13.Split(',');
        Assert.Equal($"{fields[0]}:{fields[1]}", fields[^1]);
    }

    [Fact]
    public async Task Link_command_without_data_fails_with_a_message_naming_the_path()
    {
        var error = new StringWriter();
        var missing = Path.Combine(RepoPaths.NewTempDirectory(), "nothing-here");
        var code = await CollabCli.InvokeAsync(["link", "--data", missing, "--out", RepoPaths.NewTempDirectory()], new StringWriter(), error, TestContext.Current.CancellationToken);
        Assert.NotEqual(0, code);
        Assert.Contains("nothing-here", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_writes_scenario_tables_and_report_and_says_where()
    {
        var ct = TestContext.Current.CancellationToken;
        var outDir = RepoPaths.NewTempDirectory();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["demo", "--out", outDir, "--projects", "5"], output, error, ct);
        Assert.True(code == 0, error.ToString() + output);
        Assert.True(File.Exists(Path.Combine(outDir, "scenario", "ground-truth.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "scenario", "projects_outcome_payments.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "tables", "funding_links.parquet")));
        Assert.True(File.Exists(Path.Combine(outDir, "report.html")));
        var text = output.ToString();
        Assert.Contains(Path.Combine(outDir, "report.html"), text, StringComparison.Ordinal);
        Assert.Contains("done: Link funding to outcomes", text, StringComparison.Ordinal);

        // The later steps: anomaly flags, the scenario on a local chain and back, a small benchmark.
        using (var flags = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "anomalies.json"))))
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Array, flags.RootElement.GetProperty("flags").ValueKind);
        }

        Assert.True(File.Exists(Path.Combine(outDir, "scenario", "onchain-seed.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "chain", "tables", "OutcomePaid.parquet")));
        Assert.True(File.Exists(Path.Combine(outDir, "bench", "results.json")));

        // The chain holds the books plus the differences planted on purpose; reconciliation finds exactly those.
        using (var reconciliation = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "reconciliation", "reconciliation.json"))))
        {
            var truth = CollabInsights.Scenarios.ScenarioGroundTruth.FromJson(File.ReadAllText(Path.Combine(outDir, "scenario", "ground-truth.json")));
            Assert.NotEmpty(truth.ChainDifferences);
            var evaluation = reconciliation.RootElement.GetProperty("evaluation");
            Assert.True(evaluation.GetProperty("exact").GetBoolean(), evaluation.ToString());
            foreach (var score in evaluation.GetProperty("classes").EnumerateArray())
            {
                Assert.Equal(truth.ChainDifferences.Count(d => d.Class == score.GetProperty("class").GetString()), score.GetProperty("found").GetInt32());
            }
        }

        Assert.True(File.Exists(Path.Combine(outDir, "bench", "report.html")));
    }

    [Fact]
    public async Task Same_data_gives_a_byte_identical_report()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = RepoPaths.NewTempDirectory();
        await ScenarioGenerator.WriteAsync(new ScenarioOptions { Projects = 3 }, data, ct);
        var a = RepoPaths.NewTempDirectory();
        var b = RepoPaths.NewTempDirectory();
        Assert.Equal(0, await CollabCli.InvokeAsync(["link", "--data", data, "--out", a], new StringWriter(), new StringWriter(), ct));
        Assert.Equal(0, await CollabCli.InvokeAsync(["link", "--data", data, "--out", b], new StringWriter(), new StringWriter(), ct));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(a, "report.html"), ct), await File.ReadAllBytesAsync(Path.Combine(b, "report.html"), ct));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(a, "tables", "funding_links.csv"), ct), await File.ReadAllBytesAsync(Path.Combine(b, "tables", "funding_links.csv"), ct));
    }
}
