using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.OffChain.Standards;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.OffChain;

/// <summary>
/// The standards' own public samples (data/iati-samples, data/ocds-samples, data/360giving-samples) load with the counts
/// an independent reading gives (Python's xml.etree, json and csv over the same files, run when the fixtures were pinned:
/// see each folder's README), and <c>collab link</c> writes a report from each.
/// </summary>
public class StandardsSamplesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Sample(string folder, string file) => Path.Combine(RepoPaths.Root, "data", folder, file);

    public static TheoryData<string, string, int, int, int, int, int> Samples() => new()
    {
        // folder, file, projects, organisations, transactions, indicators, results (actuals)
        { "iati-samples", "activity-standard-example-annotated.xml", 1, 3, 1, 1, 1 },
        { "ocds-samples", "ocds-213czf-000-00001-release-package.json", 1, 3, 2, 0, 0 },
        { "ocds-samples", "ocds-213czf-000-00001-record-package.json", 1, 3, 2, 0, 0 },
        { "ocds-samples", "metrics-extension-highway.json", 1, 0, 0, 2, 2 },
        { "360giving-samples", "IndigoTrust_360giving.csv", 269, 141, 269, 0, 0 },
        { "360giving-samples", "baring.json", 53, 49, 106, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Each_standard_sample_loads_with_the_counts_of_an_independent_reading(string folder, string file, int projects, int organisations, int transactions, int indicators, int results)
    {
        var load = await StandardsSource.LoadAsync(Sample(folder, file), cancellationToken: Ct);
        var c = load.Value.Counts;
        Assert.Equal((projects, organisations, transactions, indicators, results), (c.Projects, c.Organisations, c.Transactions, c.Indicators, c.Results));
        Assert.Equal(projects, load.Value.Dataset.Projects.Count);
        Assert.Equal(results, load.Value.Dataset.Results.Count);
        Assert.Equal(organisations, load.Value.Dataset.Organisations.Count);

        var counted = await StandardsSource.CountAsync(Sample(folder, file), cancellationToken: Ct);
        Assert.Equal(c, counted.Value);
    }

    [Fact]
    public async Task The_iati_example_maps_its_transaction_funder_and_result_values_per_period()
    {
        var load = await StandardsSource.LoadAsync(Sample("iati-samples", "activity-standard-example-annotated.xml"), cancellationToken: Ct);
        var s = load.Value;
        Assert.Equal(StandardFormat.Iati, s.Format);
        Assert.True(s.CarriesResults);
        Assert.StartsWith("funder -> recipient -> result", s.Chain, StringComparison.Ordinal);
        var project = Assert.Single(s.Dataset.Projects);
        Assert.Equal("AA-AAA-123456789-ABC123", project.Id);
        Assert.Equal(1, s.Counts.Targets);
        Assert.Equal(1, s.Counts.Baselines);
        Assert.Equal(
            [IndicatorValueKind.Baseline, IndicatorValueKind.Target, IndicatorValueKind.Actual],
            s.IndicatorValues.Select(v => v.Kind));
        var actual = s.IndicatorValues.Single(v => v.Kind == IndicatorValueKind.Actual);
        Assert.Equal(11m, actual.Value);
        Assert.Equal(10m, s.IndicatorValues.Single(v => v.Kind == IndicatorValueKind.Target).Value);
        var result = Assert.Single(s.Dataset.Results);
        Assert.Equal(11m, result.OutcomesAchieved);
        Assert.Equal("result-1/indicator-1", result.MetricId);
        Assert.Contains(s.Dataset.Commitments, cm => cm.OrganisationId == "BB-BBB-123456789");
        var payment = Assert.Single(s.Dataset.Payments);
        Assert.Equal(("BB-BBB-123456789", "AA-AAA-123456789"), (payment.PayerId, payment.RecipientId));
        Assert.Equal(new Money(1000m, "EUR"), payment.Amount);
    }

    [Fact]
    public async Task The_ocds_release_and_record_packages_give_the_same_payments_and_metrics_observations_are_results()
    {
        var releases = await StandardsSource.LoadAsync(Sample("ocds-samples", "ocds-213czf-000-00001-release-package.json"), cancellationToken: Ct);
        var records = await StandardsSource.LoadAsync(Sample("ocds-samples", "ocds-213czf-000-00001-record-package.json"), cancellationToken: Ct);
        Assert.Equal(
            releases.Value.Dataset.Payments.Select(p => (p.PayerId, p.RecipientId, p.Amount)),
            records.Value.Dataset.Payments.Select(p => (p.PayerId, p.RecipientId, p.Amount)));
        Assert.Equal(60000m, releases.Value.Dataset.Payments.Sum(p => p.Amount!.Value.Amount));
        Assert.False(releases.Value.CarriesResults);

        var metrics = await StandardsSource.LoadAsync(Sample("ocds-samples", "metrics-extension-highway.json"), cancellationToken: Ct);
        Assert.True(metrics.Value.CarriesResults);
        Assert.Equal([25m, 15m], metrics.Value.Dataset.Results.Select(r => r.OutcomesAchieved!.Value));
        Assert.Equal(["contract-1/completionPercent", "contract-1/completionKilometres"], metrics.Value.Dataset.Metrics.Select(m => m.Id));
    }

    [Fact]
    public async Task The_360giving_csv_reports_each_day_first_award_date_with_its_row_and_column_and_loads_the_grant()
    {
        var load = await StandardsSource.LoadAsync(Sample("360giving-samples", "IndigoTrust_360giving.csv"), cancellationToken: Ct);
        Assert.False(load.Value.CarriesResults);
        Assert.StartsWith("funder -> recipient (", load.Value.Chain, StringComparison.Ordinal);
        var first = load.Problems.First(p => p.Column == "Award Date");
        Assert.Equal(("IndigoTrust_360giving.csv", 1, "26/03/2001 00:00", ProblemSeverity.Warning), (first.File, first.Row, first.Value, first.Severity));
        Assert.Equal(PartialDate.OfDay(2001, 3, 26), load.Value.Dataset.Projects[0].OutcomesContractSigned);
        Assert.Equal(269, load.Problems.Count(p => p.Column == "Award Date"));
        Assert.All(load.Value.Dataset.Commitments, c => Assert.Equal("360G-indigotrust", c.OrganisationId));
    }

    [Fact]
    public async Task Bad_values_are_located_by_file_row_and_column_and_the_rest_of_the_record_loads()
    {
        var dir = RepoPaths.NewTempDirectory("standards-bad");
        var xml = Path.Combine(dir, "bad.xml");
        await File.WriteAllTextAsync(xml, """
            <iati-activities version="2.03">
             <iati-activity default-currency="USD">
              <iati-identifier>XM-1</iati-identifier>
              <participating-org ref="FUNDER" role="1"/>
              <transaction>
               <transaction-type code="3"/>
               <transaction-date iso-date="2020-13-01"/>
               <value>12,5</value>
               <receiver-org ref="NGO"/>
              </transaction>
             </iati-activity>
            </iati-activities>
            """, Ct);
        var iati = await StandardsSource.LoadAsync(xml, cancellationToken: Ct);
        Assert.Contains(iati.Problems, p => p is { File: "bad.xml", Row: 8, Column: "transaction/value", Value: "12,5" });
        Assert.Contains(iati.Problems, p => p is { File: "bad.xml", Row: 7, Value: "2020-13-01" });
        var payment = Assert.Single(iati.Value.Dataset.Payments);
        Assert.Null(payment.Amount);
        Assert.Equal("NGO", payment.RecipientId);

        var csv = Path.Combine(dir, "grants.csv");
        await File.WriteAllTextAsync(csv, "Identifier,Title,Currency,Amount Awarded,Award Date,Funding Org:Identifier,Recipient Org:Identifier\n360G-x-1,A,GBP,lots,2020-01-02,GB-CHC-1,GB-CHC-2\n360G-x-2,B,XXX,10,2020-01-02,GB-CHC-1,\n", Ct);
        var grants = await StandardsSource.LoadAsync(csv, cancellationToken: Ct);
        Assert.Contains(grants.Problems, p => p is { Row: 1, Column: "Amount Awarded", Value: "lots", Severity: ProblemSeverity.Invalid });
        Assert.Contains(grants.Problems, p => p is { Row: 2, Column: "Currency", Value: "XXX" });
        Assert.Contains(grants.Problems, p => p is { Row: 2, Column: "Recipient Org:Identifier" });
        Assert.Equal(2, grants.Value.Dataset.Projects.Count);

        var missing = Path.Combine(dir, "nocolumns.csv");
        await File.WriteAllTextAsync(missing, "Identifier,Title,Amount Awarded\nx,y,1\n", Ct);
        var ex = await Assert.ThrowsAsync<CollabInsightsException>(() => StandardsSource.LoadAsync(missing, StandardFormat.ThreeSixtyGiving, Ct));
        Assert.Contains("Funding Org:Identifier", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iati-samples/activity-standard-example-annotated.xml", "funder -> recipient -> result")]
    [InlineData("ocds-samples/ocds-213czf-000-00001-release-package.json", "funder -> recipient")]
    [InlineData("ocds-samples/metrics-extension-highway.json", "funder -> recipient -> result")]
    [InlineData("360giving-samples/IndigoTrust_360giving.csv", "funder -> recipient")]
    [InlineData("360giving-samples/baring.json", "funder -> recipient")]
    public async Task Collab_link_writes_a_report_from_each_sample_saying_which_chain_the_standard_supports(string sample, string chain)
    {
        var outDir = RepoPaths.NewTempDirectory("standards-link");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["link", "--data", Path.Combine(RepoPaths.Root, "data", sample), "--out", outDir, "--json"], output, error, Ct);
        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var said = json.RootElement.GetProperty("chain").GetString()!;
        Assert.StartsWith(chain + " (", said, StringComparison.Ordinal);
        var report = await File.ReadAllTextAsync(json.RootElement.GetProperty("report").GetString()!, Ct);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(chain + " ("), report, StringComparison.Ordinal); // the page escapes '>'

        Assert.Matches(@"\((IATI|OCDS|360Giving): [1-9][0-9]* projects, [0-9]+ organisations, [0-9]+ transactions, [0-9]+ results\)", report); // what was read, on the data line
    }
}
