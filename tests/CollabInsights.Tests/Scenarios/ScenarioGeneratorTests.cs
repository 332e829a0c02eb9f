using System.Globalization;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.Scenarios;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.Scenarios;

public class ScenarioGeneratorTests
{
    private static readonly string[] IndigoFiles =
    [
        "projects.csv", "organisations.csv", "funds.csv", "projects_outcome_funds.csv", "projects_outcome_payment_commitments.csv",
        "projects_investments.csv", "projects_outcome_metrics.csv", "projects_outcome_pricings.csv", "projects_results.csv", "projects_outcome_payments.csv",
    ];

    [Fact]
    public void Files_have_the_same_names_and_header_lines_as_the_real_export()
    {
        var scenario = ScenarioGenerator.Generate(new ScenarioOptions { Projects = 5 });
        Assert.Equal(IndigoFiles.Order(StringComparer.Ordinal), scenario.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var file in IndigoFiles)
        {
            var realHeader = File.ReadLines(Path.Combine(RepoPaths.IndigoData, file)).First();
            var generatedHeader = scenario.Files[file].Split("\r\n")[0];
            Assert.Equal(realHeader, generatedHeader);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_files_and_another_seed_different_ones()
    {
        var a = ScenarioGenerator.Generate(new ScenarioOptions { Seed = 7, Projects = 12 });
        var b = ScenarioGenerator.Generate(new ScenarioOptions { Seed = 7, Projects = 12 });
        var c = ScenarioGenerator.Generate(new ScenarioOptions { Seed = 8, Projects = 12 });
        Assert.Equal(a.Files, b.Files);
        Assert.Equal(a.GroundTruth.ToJson(), b.GroundTruth.ToJson());
        Assert.NotEqual(a.Files["projects_outcome_payments.csv"], c.Files["projects_outcome_payments.csv"]);
    }

    [Fact]
    public void Ground_truth_counts_and_totals_match_the_records()
    {
        var s = ScenarioGenerator.Generate(new ScenarioOptions { Projects = 20 });
        var d = s.Dataset;
        var t = s.GroundTruth;
        Assert.Equal(20, d.Projects.Count);
        Assert.Equal(d.Payments.Count, t.Rows["projects_outcome_payments.csv"]);
        Assert.Equal(d.Results.Count, t.Rows["projects_results.csv"]);
        Assert.Equal(d.Payments.Count, s.Files["projects_outcome_payments.csv"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        foreach (var (currency, total) in t.ActualPaidByCurrency)
        {
            Assert.Equal(total, d.Payments.Where(p => p.Type == PaymentType.Actual && p.Amount!.Value.Currency == currency).Sum(p => p.Amount!.Value.Amount));
        }

        Assert.Empty(t.Anomalies);
        Assert.Contains("\"anomalies\": []", t.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Payments_follow_prices_results_and_caps()
    {
        var d = ScenarioGenerator.Generate(new ScenarioOptions { Seed = 3, Projects = 15 }).Dataset;
        foreach (var pricing in d.Pricings)
        {
            var paid = d.Payments.Where(p => p.ProjectId == pricing.ProjectId && p.MetricId == pricing.MetricId && p.Type == PaymentType.Actual).Sum(p => p.Amount!.Value.Amount);
            var achieved = d.Results.Where(r => r.ProjectId == pricing.ProjectId && r.MetricId == pricing.MetricId).Sum(r => r.OutcomesAchieved!.Value);
            Assert.True(paid <= pricing.MaximumPrice!.Value.Amount, $"{pricing.ProjectId}/{pricing.MetricId} paid {paid} above its cap");
            Assert.Equal(Math.Min(pricing.PricePerUnit!.Value.Amount * achieved, pricing.MaximumPrice!.Value.Amount), paid);
        }

        // Each commitment reports exactly what its funder was paid.
        foreach (var c in d.Commitments)
        {
            var paid = d.Payments.Where(p => p.ProjectId == c.ProjectId && p.PayerId == c.OrganisationId && p.Type == PaymentType.Actual).Sum(p => p.Amount!.Value.Amount);
            Assert.Equal(c.TotalPaymentsMade!.Value.Amount, paid);
        }

        Assert.Contains(d.Payments, p => p.PayerId is null);
        Assert.Contains(d.ProjectFunds, _ => true);
    }

    [Fact]
    public void Amounts_in_memory_print_as_they_are_written()
    {
        var s = ScenarioGenerator.Generate(new ScenarioOptions { Projects = 3 });
        var payments = s.Files["projects_outcome_payments.csv"];
        foreach (var p in s.Dataset.Payments.Take(20))
        {
            Assert.Contains("," + p.Amount!.Value.Amount.ToString(CultureInfo.InvariantCulture) + ",", payments, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Generate_command_twice_with_one_seed_writes_byte_identical_folders()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = RepoPaths.NewTempDirectory();
        var b = RepoPaths.NewTempDirectory();
        Assert.Equal(0, await CollabCli.InvokeAsync(["generate", "--seed", "5", "--projects", "8", "--out", a], new StringWriter(), new StringWriter(), ct));
        var output = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["generate", "--seed", "5", "--projects", "8", "--out", b], output, new StringWriter(), ct));
        Assert.Contains("8 projects", output.ToString(), StringComparison.Ordinal);

        var filesA = Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(11, filesA.Count);
        Assert.Contains("ground-truth.json", filesA);
        foreach (var name in filesA)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(a, name!), ct), await File.ReadAllBytesAsync(Path.Combine(b, name!), ct));
        }

        var truth = ScenarioGroundTruth.FromJson(await File.ReadAllTextAsync(Path.Combine(a, "ground-truth.json"), ct));
        Assert.Equal(5, truth.Seed);
        Assert.Equal(8, truth.Projects);
    }

    [Fact]
    public async Task Generate_command_rejects_zero_projects_with_a_message()
    {
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["generate", "--projects", "0", "--out", RepoPaths.NewTempDirectory()], new StringWriter(), error, TestContext.Current.CancellationToken);
        Assert.Equal(2, code);
        Assert.Contains("--projects: 0 is out of range; expected a whole number from 1 to 10,000 (projects)", error.ToString(), StringComparison.Ordinal);
    }
}

public class ScenarioLoadRoundTripTests
{
    [Fact]
    public async Task Indigo_loader_reads_a_generated_scenario_without_problems_and_gets_the_same_records()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory();
        var scenario = await ScenarioGenerator.WriteAsync(new ScenarioOptions { Seed = 11, Projects = 12 }, dir, ct);
        var loaded = await CollabInsights.OffChain.IndigoSource.LoadAsync(dir, cancellationToken: ct);

        Assert.Empty(loaded.Problems);
        var a = scenario.Dataset;
        var b = loaded.Value;
        Assert.Equal(a.Organisations, b.Organisations);
        Assert.Equal(a.Projects, b.Projects);
        Assert.Equal(a.Funds, b.Funds);
        Assert.Equal(a.ProjectFunds, b.ProjectFunds);
        Assert.Equal(a.Commitments, b.Commitments);
        Assert.Equal(a.Investments, b.Investments);
        Assert.Equal(a.Metrics, b.Metrics);
        Assert.Equal(a.Pricings, b.Pricings);
        Assert.Equal(a.Results, b.Results);
        Assert.Equal(a.Payments, b.Payments);
    }
}
