using System.Text.Json;
using CollabInsights.Cli;

namespace CollabInsights.Carbon.Tests;

public class CliTests
{
    [Fact]
    public async Task Carbon_check_json_on_the_real_samples_counts_every_rule_and_lists_the_located_problems()
    {
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["carbon", "check", "--data", CarbonTestData.OffsetsDb, "--data", CarbonTestData.Cadt, "--json"], output, new StringWriter(), TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
        Assert.Equal(0, doc.RootElement.GetProperty("flags").GetArrayLength());
        var counts = doc.RootElement.GetProperty("counts");
        Assert.Equal(CarbonFlagKinds.All, counts.EnumerateObject().Select(p => p.Name));
        Assert.All(counts.EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        Assert.Equal(200, doc.RootElement.GetProperty("loaded").GetProperty("verra").GetProperty("blocks").GetInt32());
        var problem = doc.RootElement.GetProperty("problems")[1];
        Assert.Equal(("cadt/units.json", 2, "unitCount", "222"), (problem.GetProperty("file").GetString(), problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString(), problem.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Carbon_check_json_flags_a_planted_double_retirement_with_kind_registry_project_file_row_and_reason()
    {
        var dir = CarbonTestData.CopyOfReal();
        var row = CarbonTestData.AppendCopy(Path.Combine(dir, "art-trees", "retirements.csv"), 2, (_, _) => { });
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["carbon", "check", "--data", dir, "--json"], output, new StringWriter(), TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
        var flag = Assert.Single(doc.RootElement.GetProperty("flags").EnumerateArray());
        Assert.Equal(
            ("retired_twice", "art-trees", "ART130", "art-trees/retirements.csv", row),
            (flag.GetProperty("kind").GetString(), flag.GetProperty("registry").GetString(), flag.GetProperty("project").GetString(), flag.GetProperty("file").GetString(), flag.GetProperty("row").GetInt32()));
        Assert.Contains("retired twice", flag.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, doc.RootElement.GetProperty("counts").GetProperty("retired_twice").GetInt32());
    }

    [Fact]
    public async Task Carbon_check_prints_a_table_and_counts_without_json()
    {
        var dir = CarbonTestData.CopyOfReal();
        CarbonTestData.AppendCopy(Path.Combine(dir, "art-trees", "retirements.csv"), 2, (_, _) => { });
        var output = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["carbon", "check", "--data", dir], output, new StringWriter(), TestContext.Current.CancellationToken));
        var text = output.ToString();
        Assert.Contains("art-trees/retirements.csv:9", text, StringComparison.Ordinal);
        Assert.Contains("retired_twice: 1", text, StringComparison.Ordinal);
        Assert.Contains("verra: 50 projects, 87 issuances, 200 credit blocks", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Carbon_check_on_a_missing_folder_exits_2_with_a_message_naming_it()
    {
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["carbon", "check", "--data", "/no/such/registry-folder"], new StringWriter(), error, TestContext.Current.CancellationToken);
        Assert.Equal(2, code);
        Assert.Contains("/no/such/registry-folder", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Carbon_report_writes_an_offline_page_with_charts_by_registry_vintage_and_rule_and_the_planted_flag()
    {
        var dir = CarbonTestData.CopyOfReal();
        CarbonTestData.AppendCopy(Path.Combine(dir, "art-trees", "retirements.csv"), 2, (_, _) => { });
        var file = Path.Combine(CollabInsights.Tests.Shared.RepoPaths.NewTempDirectory(), "carbon.html");
        var output = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["carbon", "report", "--data", dir, "--out", file], output, new StringWriter(), TestContext.Current.CancellationToken));
        var html = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.Contains("Credits per registry, by status", html, StringComparison.Ordinal);
        Assert.Contains("Retired and cancelled credits by vintage", html, StringComparison.Ordinal);
        Assert.Contains("Double-counting flags per rule", html, StringComparison.Ordinal);
        Assert.Contains("art-trees/retirements.csv", html, StringComparison.Ordinal);
        Assert.Contains("cadt/units.json", html, StringComparison.Ordinal);
        Assert.True(html.Length > 1_000_000, "plotly.js is inlined, so the page works offline");
        Assert.Contains("1 flag(s), 3 data problem(s)", output.ToString(), StringComparison.Ordinal);
    }
}
