using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CollabInsights.Benchmarks;
using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

/// <summary>
/// Opens every kind of HTML report the kit writes (link, anomalies, benchmark, notebook, carbon, governance) in headless
/// Chromium, each built from data whose names carry script payloads, and checks that no payload ran (each payload marks
/// the page's root element when it runs), that the page obeys its own Content-Security-Policy (no script was refused, so
/// neither the kit's scripts nor a payload needed blocking), and that the report's own charts drew.
/// </summary>
public sealed class HostileReportChromiumTests
{
    /// <summary>Payloads for every place a value lands: after a script's JSON, in HTML text, in an attribute, in a comment, across a JavaScript line break.</summary>
    public static readonly string[] Payloads =
    [
        "</script><script>document.documentElement.dataset.pwned='script'</script>",
        "<img src=x onerror=\"document.documentElement.dataset.pwned='img'\">",
        "\u2028</SCRIPT ><svg/onload=document.documentElement.dataset.pwned='svg'>",
        "'\"><!--<script>document.documentElement.dataset.pwned='comment'</script>-->",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string CsvCell(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A generated scenario whose organisation, project and metric names are payloads.</summary>
    private static async Task<string> PoisonedScenarioAsync(string dir)
    {
        var scenario = Path.Combine(dir, "scenario");
        var output = new StringWriter();
        Assert.True(await CollabCli.InvokeAsync(["generate", "--seed", "3", "--projects", "4", "--out", scenario], output, output, Ct) == 0, output.ToString());
        void Replace(string file, string old, string payload)
        {
            var path = Path.Combine(scenario, file);
            var text = File.ReadAllText(path);
            Assert.Contains(old, text, StringComparison.Ordinal);
            File.WriteAllText(path, text.Replace(old, CsvCell(payload), StringComparison.Ordinal));
        }

        Replace("organisations.csv", "Thornbury County Council", Payloads[0]);
        Replace("organisations.csv", "Eastbrook County Council", Payloads[3]);
        Replace("projects.csv", "Thornbury Families Outcomes Contract 1", Payloads[1]);
        Replace("projects_outcome_metrics.csv", "Reduction in days in care", Payloads[2]);
        // An unusable amount is listed with its value among the data problems.
        var payments = Path.Combine(scenario, "projects_outcome_payments.csv");
        var lines = File.ReadAllLines(payments);
        var cells = lines[1].Split(',');
        cells[9] = CsvCell(Payloads[0]);
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(payments, lines);
        return scenario;
    }

    [Fact]
    public async Task Link_report_of_data_named_with_script_payloads_runs_no_payload_and_draws_its_charts()
    {
        var dir = RepoPaths.NewTempDirectory();
        var scenario = await PoisonedScenarioAsync(dir);
        var output = new StringWriter();
        Assert.True(await CollabCli.InvokeAsync(["link", "--data", scenario, "--out", Path.Combine(dir, "link")], output, output, Ct) == 0, output.ToString());
        AssertSafe(Path.Combine(dir, "link", "report.html"), minCharts: 3);
    }

    [Fact]
    public async Task Anomalies_report_of_data_named_with_script_payloads_runs_no_payload_and_draws_its_charts()
    {
        var dir = RepoPaths.NewTempDirectory();
        var scenario = await PoisonedScenarioAsync(dir);
        var output = new StringWriter();
        var report = Path.Combine(dir, "anomalies.html");
        Assert.True(await CollabCli.InvokeAsync(["anomalies", "--data", scenario, "--no-ml", "--report", report], output, output, Ct) == 0, output.ToString());
        AssertSafe(report, minCharts: 1);
    }

    [Fact]
    public async Task Governance_report_of_data_named_with_script_payloads_runs_no_payload()
    {
        var dir = RepoPaths.NewTempDirectory();
        var scenario = await PoisonedScenarioAsync(dir);
        // The governance page names writers by organisation id: one id becomes a payload in every file.
        foreach (var file in Directory.EnumerateFiles(scenario, "*.csv"))
        {
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, Ct)).Replace("SYN-ORG-0001", CsvCell(Payloads[1]), StringComparison.Ordinal), Ct);
        }

        var output = new StringWriter();
        Assert.True(await CollabCli.InvokeAsync(["governance", "--data", scenario, "--out", Path.Combine(dir, "gov")], output, output, Ct) == 0, output.ToString());
        AssertSafe(Path.Combine(dir, "gov", "writers.html"), minCharts: 0);
    }

    [Fact]
    public async Task Benchmark_report_whose_results_carry_script_payloads_runs_no_payload_and_draws_its_charts()
    {
        var dir = RepoPaths.NewTempDirectory();
        var output = new StringWriter();
        var runDir = Path.Combine(dir, "bench");
        Assert.True(await CollabCli.InvokeAsync(["bench", "run", "--backends", "sqlite", "--n", "10,20", "--workloads", "write,point-lookup", "--out", runDir], output, output, Ct) == 0, output.ToString());
        // A results file from elsewhere: backend names, notes and the machine carry payloads; the report is rendered from it.
        var run = await BenchmarkReport.ReadAsync(Path.Combine(runDir, "results.json"), Ct);
        var hostile = run with
        {
            Machine = run.Machine with { CpuModel = Payloads[1] },
            Results = [.. run.Results.Select((r, i) => r with { Backend = Payloads[i % 2 == 0 ? 0 : 2], Note = Payloads[3] })],
        };
        await BenchmarkReport.WriteAsync(hostile, Path.Combine(dir, "hostile"), Ct);
        AssertSafe(Path.Combine(dir, "hostile", "report.html"), minCharts: 1);
    }

    [Fact]
    public async Task Notebook_report_of_data_named_with_script_payloads_runs_no_payload_and_draws_its_chart()
    {
        var dir = RepoPaths.NewTempDirectory();
        var scenario = await PoisonedScenarioAsync(dir);
        var notebook = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "collab-csharp", ["display_name"] = "C# (CollabInsights)", ["language"] = "csharp" } },
            ["cells"] = new JsonArray(
                Code("p", "string dataDir = \"\";", tags: ["parameters"]),
                Code("a", "using CollabInsights.OffChain;\nvar load = await IndigoSource.LoadAsync(dataDir);\nvar names = load.Value.Organisations.Select(o => o.Name).ToList();\nConsole.WriteLine(string.Join(\" | \", names));\ndisplay(load.Value.Organisations);"),
                Code("b", "display(Plotly.NET.CSharp.Chart.Bar<int, string, string>(values: names.Select((_, i) => i + 1).ToArray(), Keys: names.ToArray(), Name: names[0]));")),
        };
        var path = Path.Combine(dir, "hostile.ipynb");
        await File.WriteAllTextAsync(path, notebook.ToJsonString(), Ct);
        var output = new StringWriter();
        var html = Path.Combine(dir, "hostile.html");
        Assert.True(await CollabCli.InvokeAsync(["notebook", "run", path, "--out", Path.Combine(dir, "out.ipynb"), "--html", html, "--param", "dataDir=" + scenario], output, output, Ct) == 0, output.ToString());
        AssertSafe(html, minCharts: 1);
    }

    [Fact]
    public async Task Carbon_report_of_registry_data_carrying_script_payloads_runs_no_payload_and_draws_its_charts()
    {
        var dir = RepoPaths.NewTempDirectory();
        var data = Path.Combine(dir, "carbon");
        CopyFolder(Path.Combine(RepoPaths.Root, "data", "carbon-offsetsdb"), data);
        // An unusable quantity is listed with its value among the data problems.
        var transactions = Path.Combine(data, "verra", "transactions.csv");
        var text = await File.ReadAllTextAsync(transactions, Ct);
        Assert.Contains(",425,19385-941467007", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(transactions, text.Replace(",425,19385-941467007", "," + CsvCell(Payloads[0]) + ",19385-941467007", StringComparison.Ordinal), Ct);
        var output = new StringWriter();
        var report = Path.Combine(dir, "carbon.html");
        Assert.True(await CollabCli.InvokeAsync(["carbon", "report", "--data", data, "--out", report], output, output, Ct) == 0, output.ToString());
        AssertSafe(report, minCharts: 1);
    }

    private static JsonObject Code(string id, string source, string[]? tags = null) => new()
    {
        ["cell_type"] = "code",
        ["id"] = id,
        ["metadata"] = tags is null ? new JsonObject() : new JsonObject { ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]) },
        ["source"] = source,
        ["outputs"] = new JsonArray(),
        ["execution_count"] = null,
    };

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>
    /// The page as written: a Content-Security-Policy with no 'unsafe-inline'/'unsafe-eval' for scripts and no network source;
    /// some payload text reached it (so the test exercises escaping); in Chromium no payload ran, no script was refused or
    /// failed, and at least <paramref name="minCharts"/> charts drew.
    /// </summary>
    private static void AssertSafe(string report, int minCharts)
    {
        ExternalTools.Require(ExternalTools.Chromium, "apt-get install chromium");
        var html = File.ReadAllText(report);
        var csp = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">", RegexOptions.CultureInvariant);
        Assert.True(csp.Success, "no Content-Security-Policy in " + report);
        Assert.True(html.IndexOf(csp.Value, StringComparison.Ordinal) < html.IndexOf("<script", StringComparison.Ordinal) || !html.Contains("<script", StringComparison.Ordinal), "the policy must come before the first script");
        var policy = csp.Groups[1].Value;
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        var scriptSrc = Regex.Match(policy, "script-src ([^;]*)", RegexOptions.CultureInvariant).Groups[1].Value;
        Assert.DoesNotContain("unsafe", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("https?:|\\*|wss?:", RegexOptions.CultureInvariant), policy);
        Assert.Contains("pwned", html, StringComparison.Ordinal);

        var profile = Path.Combine(Path.GetDirectoryName(report)!, "chromium-profile-" + Guid.NewGuid().ToString("N"));
        var dom = ExternalTools.Run(ExternalTools.Chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile}",
            "--virtual-time-budget=20000", "--window-size=1200,1600", "--dump-dom", new Uri(report).AbsoluteUri,
        ], TimeSpan.FromMinutes(4));
        Assert.True(dom.ExitCode == 0, dom.Error);
        var root = Regex.Match(dom.Output, "<html[^>]*>", RegexOptions.CultureInvariant).Value;
        Assert.True(root.Length > 0, "Chromium gave no DOM: " + dom.Error);
        Assert.DoesNotContain("data-pwned", root, StringComparison.Ordinal);
        var console = dom.Error.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal)).ToList();
        Assert.True(console.Count == 0, "the page logged (a refused or failing script):\n" + string.Join("\n", console));
        var charts = Regex.Matches(html, "<div id=\"(collab_chart_[0-9]+)\">", RegexOptions.CultureInvariant).Select(m => m.Groups[1].Value).ToList();
        Assert.True(charts.Count >= minCharts, $"{charts.Count} charts in {report}, expected at least {minCharts}");
        foreach (var id in charts)
        {
            var at = dom.Output.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
            Assert.True(at >= 0 && dom.Output.AsSpan(at, Math.Min(4000, dom.Output.Length - at)).Contains("main-svg", StringComparison.Ordinal), $"chart {id} did not draw in {report}");
        }
    }
}
