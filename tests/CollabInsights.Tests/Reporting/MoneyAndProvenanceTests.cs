using CollabInsights.Domain;
using CollabInsights.Reporting;
using CollabInsights.Tests.Shared;
using Microsoft.Data.Analysis;

namespace CollabInsights.Tests.Reporting;

public class MoneyAndProvenanceTests
{
    [Theory]
    [InlineData("360612474.50170418887", "GBP", "360,612,474.50")]
    [InlineData("1770000000", "KRW", "1,770,000,000")]
    [InlineData("1234.5", "JPY", "1,235")]
    [InlineData("1234.5675", "KWD", "1,234.568")]
    [InlineData("-1234567.125", "EUR", "-1,234,567.13")]
    [InlineData("-0.001", "USD", "0.00")]
    [InlineData("12", "XYZ", "12.00")]
    public void Money_is_shown_with_thousands_separators_and_the_currencys_minor_units(string amount, string currency, string expected)
    {
        Assert.Equal(expected, MoneyFormat.Amount(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));
        Assert.Equal(expected + " " + currency, MoneyFormat.Format(new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency)));
    }

    [Fact]
    public async Task Html_shows_money_columns_formatted_while_csv_keeps_the_exact_value()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("currency", ["GBP", "JPY", null]),
            new MoneyDataFrameColumn("paid", [360612474.50170418887m, 1234.5m, 7.125m], "currency"),
            MoneyDataFrameColumn.InCurrency("paid_usd", [1000m, null, 2.5m], "USD"),
            new DecimalDataFrameColumn("share", [0.33333m, 1m, null]));
        var html = HtmlTable.FromDataFrame(frame);
        Assert.Contains("<td class=\"num\">360,612,474.50</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1,235</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1,000.00</td>", html, StringComparison.Ordinal);
        // A row without a currency shows its exact value rather than a guessed rounding; plain decimals stay exact.
        Assert.Contains("<td class=\"num\">7.125</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">0.33333</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("360612474", html, StringComparison.Ordinal);

        var csv = Path.Combine(RepoPaths.NewTempDirectory(), "t.csv");
        await DataFrameFiles.WriteCsvAsync(frame, csv, TestContext.Current.CancellationToken);
        Assert.Contains("GBP,360612474.50170418887,1000,0.33333", await File.ReadAllTextAsync(csv, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_is_written_as_row_ranges_per_file()
    {
        string[] entries =
        [
            "projects_outcome_payments.csv:27", "projects_outcome_payments.csv:1", "projects_outcome_payments.csv:2",
            "projects_outcome_payments.csv:3", "projects_outcome_payments.csv:25", "projects_outcome_payments.csv:26",
            "projects_results.csv:4", "projects_outcome_payments.csv:2", "chain 31337 block 5 tx 0xab log 2",
        ];
        Assert.Equal("projects_outcome_payments.csv:1-3,25-27; projects_results.csv:4; chain 31337 block 5 tx 0xab log 2", ProvenanceText.Compact(entries));
        Assert.Equal(8, ProvenanceText.Count(entries));
    }

    [Fact]
    public void A_long_provenance_cell_shows_a_count_and_a_short_summary_and_every_range_on_expand()
    {
        var rows = Enumerable.Range(1, 700).Where(r => r % 3 != 0).Select(r => $"projects_outcome_payments.csv:{r}")
            .Append("projects_results.csv:9").Append("z<b>.csv:1");
        var joined = string.Join(ProvenanceText.Separator, rows);
        Assert.True(joined.Length > 1400);
        var html = ProvenanceText.ToHtml(joined);
        Assert.StartsWith("<details class=\"collab-prov\"><summary>469 rows: projects_outcome_payments.csv:1-2,4-5,", html, StringComparison.Ordinal);
        var summary = html[..html.IndexOf("</summary>", StringComparison.Ordinal)];
        Assert.True(summary.Length < 140, summary);
        Assert.Contains("projects_outcome_payments.csv:1-2,4-5,7-8", html, StringComparison.Ordinal);
        Assert.Contains("697-698,700<br>projects_results.csv:9", html, StringComparison.Ordinal);
        Assert.Contains("z&lt;b&gt;.csv:1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);

        // Short lists stay plain; one entry is shown as it is.
        Assert.Equal("projects.csv:9", ProvenanceText.ToHtml("projects.csv:9"));
        Assert.Equal("projects.csv:9-10 <span class=\"collab-prov-count\">(2 rows)</span>", ProvenanceText.ToHtml("projects.csv:10; projects.csv:9"));
    }

    [Fact]
    public void Html_tables_of_data_frames_and_records_render_provenance_columns_compactly()
    {
        var joined = string.Join("; ", Enumerable.Range(1, 300).Select(r => $"projects_outcome_payments.csv:{2 * r}"));
        var frame = new DataFrame(new StringDataFrameColumn("provenance", [joined]));
        Assert.Contains("<details class=\"collab-prov\"><summary>300 rows:", HtmlTable.FromDataFrame(frame), StringComparison.Ordinal);
        var records = new[] { new Row("x", Enumerable.Range(1, 300).Select(r => $"projects.csv:{2 * r}").ToList()) };
        Assert.Contains("<details class=\"collab-prov\"><summary>300 rows:", HtmlTable.FromRecords(records), StringComparison.Ordinal);
    }

    private sealed record Row(string Name, IReadOnlyList<string> Provenance);
}
