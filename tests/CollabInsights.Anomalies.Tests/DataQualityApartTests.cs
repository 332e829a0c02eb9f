using System.Text.Json;
using CollabInsights.Anomalies.Internal;
using CollabInsights.Anomalies.Rules;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.Tests.Shared;
using static CollabInsights.Anomalies.Tests.TestData;

namespace CollabInsights.Anomalies.Tests;

/// <summary>Data-quality findings (the loader's problems, <c>invalid_value</c>) reported apart from anomaly flags, and every count of a result checked against the number engaged.</summary>
public class DataQualityApartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anomalies_json_on_the_real_export_counts_anomaly_flags_and_data_quality_findings_apart_with_counts_per_category()
    {
        var output = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["anomalies", "--data", RepoPaths.IndigoData, "--json", "--no-ml"], output, new StringWriter(), Ct));
        using var doc = JsonDocument.Parse(output.ToString());
        var root = doc.RootElement;
        var loaded = await IndigoSource.LoadAsync(RepoPaths.IndigoData, cancellationToken: Ct);

        // flags and counts keep every flag, as before.
        var kinds = root.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!).ToList();
        Assert.Equal(kinds.Count, root.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32()));

        // The anomaly flags alone: no data-quality kind among them.
        var anomalies = root.GetProperty("anomaly_flags");
        var anomalyCounts = anomalies.GetProperty("counts").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt32());
        Assert.DoesNotContain(FlagKinds.InvalidValue, anomalyCounts.Keys);
        Assert.Equal(kinds.Count(k => k != FlagKinds.InvalidValue), anomalies.GetProperty("count").GetInt32());
        Assert.Equal(anomalies.GetProperty("count").GetInt32(), anomalyCounts.Values.Sum());
        Assert.True(anomalyCounts.GetValueOrDefault(FlagKinds.ResultsInconsistent) >= 1, "POJ-0135 reports 273 outcomes for 270 people engaged");

        // Data quality: every loader problem, counted by severity and by category, each with its row.
        var quality = root.GetProperty("data_quality");
        Assert.Equal(kinds.Count(k => k == FlagKinds.InvalidValue), quality.GetProperty("invalid_value_flags").GetInt32());
        Assert.Equal(loaded.Problems.Count, quality.GetProperty("problems").GetInt32());
        Assert.Equal(loaded.Invalid.Count(), quality.GetProperty("invalid").GetInt32());
        Assert.Equal(loaded.Warnings.Count(), quality.GetProperty("warnings").GetInt32());
        Assert.Equal(quality.GetProperty("invalid").GetInt32(), quality.GetProperty("invalid_value_flags").GetInt32());
        var categories = quality.GetProperty("counts_by_category").EnumerateObject().ToList();
        Assert.Equal(loaded.Problems.Count, categories.Sum(c => c.Value.GetInt32()));
        Assert.Equal(categories.Select(c => c.Value.GetInt32()).OrderDescending(), categories.Select(c => c.Value.GetInt32()));
        var payers = loaded.Problems.Count(p => p.File == "projects_outcome_payments.csv" && p.Column == "Payer Organisation ID - (Value)" && p.Severity == ProblemSeverity.Invalid);
        Assert.True(payers > 0);
        Assert.Equal(payers, quality.GetProperty("counts_by_category").GetProperty("projects_outcome_payments.csv / Payer Organisation ID - (Value) / invalid").GetInt32());
        var findings = quality.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(loaded.Problems.Count, findings.Count);
        Assert.All(findings, f => Assert.True(f.GetProperty("row").GetInt32() >= 1 && f.GetProperty("column").GetString()!.Length > 0));
        Assert.True(quality.GetProperty("problems").GetInt32() > anomalies.GetProperty("count").GetInt32(), "on the real export the loader's findings outnumber the anomaly flags: the reason to keep them apart");
    }

    [Fact]
    public async Task Anomalies_table_lists_anomaly_flags_and_gives_data_quality_findings_as_counts_per_category_apart()
    {
        var output = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["anomalies", "--data", RepoPaths.IndigoData, "--no-ml"], output, new StringWriter(), Ct));
        var text = output.ToString();
        var quality = text.IndexOf("Data quality, apart from the anomalies", StringComparison.Ordinal);
        Assert.True(quality > 0, text);
        var anomalyPart = text[..quality];
        Assert.Contains("results_inconsistent", anomalyPart, StringComparison.Ordinal);
        Assert.DoesNotContain(FlagKinds.InvalidValue, anomalyPart, StringComparison.Ordinal);
        Assert.Contains("Payer Organisation ID", text[quality..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anomalies_report_shows_the_anomaly_flags_first_and_the_data_quality_findings_under_their_own_heading()
    {
        var report = Path.Combine(RepoPaths.NewTempDirectory(), "anomalies.html");
        Assert.Equal(0, await CollabCli.InvokeAsync(["anomalies", "--data", RepoPaths.IndigoData, "--no-ml", "--report", report], new StringWriter(), new StringWriter(), Ct));
        var html = await File.ReadAllTextAsync(report, Ct);
        var anomalies = html.IndexOf(">Anomaly flags<", StringComparison.Ordinal);
        var quality = html.IndexOf(">Data quality<", StringComparison.Ordinal);
        Assert.True(anomalies > 0 && quality > anomalies, "headings 'Anomaly flags' then 'Data quality'");
        Assert.DoesNotContain(FlagKinds.InvalidValue + "<", html[anomalies..quality], StringComparison.Ordinal);
        Assert.Contains("results_inconsistent", html[anomalies..quality], StringComparison.Ordinal);
        Assert.Contains("projects_outcome_payments.csv / Payer Organisation ID - (Value) / invalid", html[quality..], StringComparison.Ordinal);
    }

    [Fact]
    public void Results_inconsistent_checks_people_with_positive_outcomes_against_the_number_engaged_too()
    {
        var positiveAbove = Result(1, achieved: 10, engaged: 20) with { NumberWithPositiveOutcomes = 30 };
        var bothAbove = Result(2, metric: "m2", achieved: 25, engaged: 20) with { NumberWithPositiveOutcomes = 22 };
        var consistent = Result(3, metric: "m3", achieved: 12, engaged: 20) with { NumberWithPositiveOutcomes = 20 };
        var negative = Result(4, metric: "m4", achieved: 5, engaged: 20) with { NumberWithPositiveOutcomes = -1 };
        var flags = new ResultsInconsistentRule().Evaluate(With(results: [positiveAbove, bothAbove, consistent, negative]), []).ToList();

        Assert.Equal([1, 2, 4], flags.Select(f => f.Row!.Value).Order());
        Assert.Contains("30 people with positive outcomes but only 20 people engaged", flags.Single(f => f.Row == 1).Reason, StringComparison.Ordinal);
        Assert.Contains("25 outcomes achieved and 22 people with positive outcomes but only 20 people engaged", flags.Single(f => f.Row == 2).Reason, StringComparison.Ordinal);
        Assert.Contains("people with positive outcomes -1", flags.Single(f => f.Row == 4).Reason, StringComparison.Ordinal);

        // Switched off, the check flags neither count.
        Assert.DoesNotContain(new ResultsInconsistentRule(new ResultsInconsistentOptions(CheckAchievedAboveEngaged: false)).Evaluate(With(results: [positiveAbove]), []), f => f.Row == 1);
    }

    [Fact]
    public async Task Real_export_results_read_people_with_positive_outcomes_and_one_planted_above_the_number_engaged_is_flagged_at_its_row()
    {
        var dir = RepoPaths.NewTempDirectory();
        foreach (var file in Directory.GetFiles(RepoPaths.IndigoData, "*.csv"))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        var path = Path.Combine(dir, IndigoLayout.Results);
        var rows = CsvPatch.Parse(IndigoLayout.Results, await File.ReadAllTextAsync(path, Ct));
        int Column(string name) => rows[0].FindIndex(h => h == name);
        var (engagedColumn, positiveColumn, achievedColumn) = (Column(IndigoLayout.ResultColumns.NumberEngaged), Column(IndigoLayout.ResultColumns.NumberWithPositiveOutcomes), Column(IndigoLayout.ResultColumns.OutcomesAchieved));
        var reported = rows.Skip(1).Count(r => r[positiveColumn].Trim().Length > 0);
        var before = (await IndigoSource.LoadAsync(dir, cancellationToken: Ct)).Value;
        Assert.Equal(reported, before.Results.Count(r => r.NumberWithPositiveOutcomes is not null));
        Assert.True(reported > 0, "the real export reports people with positive outcomes on some rows");

        // Plant on a row whose other counts are consistent: positive outcomes one above the people engaged.
        var row = Enumerable.Range(1, rows.Count - 1).First(i =>
            decimal.TryParse(rows[i][engagedColumn], System.Globalization.CultureInfo.InvariantCulture, out var e) && e > 0
            && decimal.TryParse(rows[i][achievedColumn], System.Globalization.CultureInfo.InvariantCulture, out var a) && a <= e);
        var engaged = decimal.Parse(rows[row][engagedColumn], System.Globalization.CultureInfo.InvariantCulture);
        rows[row][positiveColumn] = (engaged + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(path, CsvPatch.Write(rows, "\n"), Ct);

        var loaded = await IndigoSource.LoadAsync(dir, cancellationToken: Ct);
        var flags = new ResultsInconsistentRule().Evaluate(loaded.Value, loaded.Problems).ToList();
        var planted = Assert.Single(flags, f => f.Row == row);
        Assert.Equal(IndigoLayout.Results, planted.File);
        Assert.Contains($"{engaged + 1} people with positive outcomes but only {engaged} people engaged", planted.Reason, StringComparison.Ordinal);
    }
}
