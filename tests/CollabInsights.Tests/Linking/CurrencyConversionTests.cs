using System.Globalization;
using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.Linking;
using CollabInsights.OffChain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.Linking;

public class CurrencyConversionTests
{
    // The pinned file's own row for a currency's issuing economy and year: (row counted from 1 after the header, rate).
    private static (int Row, decimal PerUsd) PinnedRow(string currency, string economy, int year)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, ImfExchangeRates.RepositoryPath));
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            if (f[0] == $"{year}-12-31" && f[2] == currency && f[5] == economy)
            {
                return (i, decimal.Parse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        throw new InvalidOperationException($"no {currency} {economy} {year} row in the pinned table");
    }

    [Fact]
    public void The_pinned_imf_table_converts_by_year_with_the_issuing_economys_rate_and_cites_its_rows()
    {
        var table = ImfExchangeRates.Pinned;
        var (gbRow, gbp2019) = PinnedRow("GBP", "GB", 2019);
        Assert.True(table.TryConvert(1_000_000m, "GBP", "USD", 2019, out var c, out _));
        Assert.Equal(Math.Round(1_000_000m / gbp2019, 2, MidpointRounding.AwayFromZero), c!.Amount);
        Assert.True(c.IsConverted);
        Assert.Equal([$"{ImfExchangeRates.FileName}:{gbRow}"], c.Provenance);
        Assert.StartsWith("2019: 1 GBP = 1.27", c.Describe(), StringComparison.Ordinal);

        // A cross rate goes through the dollar and cites both rows; the euro is the Euro Area's series.
        var (euRow, eur2021) = PinnedRow("EUR", "U2", 2021);
        var (gbRow21, gbp2021) = PinnedRow("GBP", "GB", 2021);
        Assert.True(table.TryConvert(100m, "GBP", "EUR", 2021, out var cross, out _));
        Assert.Equal(Math.Round(100m / gbp2021 * eur2021, 2, MidpointRounding.AwayFromZero), cross!.Amount);
        Assert.Equal([$"{ImfExchangeRates.FileName}:{gbRow21}", $"{ImfExchangeRates.FileName}:{euRow}"], cross.Provenance);

        // The dollar is the dollar (not Ecuador's old sucre series labelled USD); no rate, no conversion.
        Assert.Equal(1m, table.Find("USD", 1990)!.PerUsd);
        Assert.False(table.TryConvert(5m, "GBP", "USD", 1900, out _, out var reason));
        Assert.Contains("no 1900 rate for GBP", reason, StringComparison.Ordinal);
        Assert.Null(table.Find("XOF", 2019));
    }

    [Fact]
    public void Converting_without_a_rate_table_fails_and_says_how_to_fix_it()
    {
        var ex = Assert.Throws<CollabInsightsException>(() => FundingLinker.Link(HandMadeScenario.Build(), new FundingLinkOptions { ConvertTo = "USD" }));
        Assert.Contains("ExchangeRates", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_convert_to_usd_on_the_real_export_converts_every_payment_by_its_year_and_marks_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var outDir = RepoPaths.NewTempDirectory();
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["link", "--data", RepoPaths.IndigoData, "--out", outDir, "--convert-to", "usd", "--json"], output, output, ct);
        Assert.True(code == 0, output.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("USD", json.RootElement.GetProperty("converted_to").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("funder_rows_not_converted").GetInt32());

        // Independently: every actual payment at its own year's rate, straight from the pinned file.
        var load = await IndigoSource.LoadAsync(RepoPaths.IndigoData, cancellationToken: ct);
        var expected = 0m;
        foreach (var p in load.Value.Payments.Where(p => p.Type == PaymentType.Actual && p.Amount is not null))
        {
            var year = (p.PeriodEnd ?? p.PeriodStart)!.Value.Year;
            var perUsd = p.Amount!.Value.Currency == "USD" ? 1m : PinnedRow(p.Amount.Value.Currency, p.Amount.Value.Currency[..2], year).PerUsd;
            expected += Math.Round(p.Amount.Value.Amount / perUsd, 2, MidpointRounding.AwayFromZero);
        }

        Assert.Equal(expected, json.RootElement.GetProperty("paid_actual_converted").GetDecimal());

        // The tables keep the native amounts and add the converted ones, marked, with the rates and their rows.
        var csv = await File.ReadAllLinesAsync(Path.Combine(outDir, "tables", "funder_projects.csv"), ct);
        Assert.Contains("paid_actual,", csv[0], StringComparison.Ordinal);
        Assert.Contains("converted_to,max_committed_converted,paid_actual_converted,planned_due_converted,conversion,provenance", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.Contains("converted GBP to USD at annual average rates 20", StringComparison.Ordinal) && l.Contains(ImfExchangeRates.FileName + ":", StringComparison.Ordinal));
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"), ct);
        Assert.Contains("All currencies converted to USD (on request)", html, StringComparison.Ordinal);
        Assert.Contains("Converted to USD: " + MoneyFormat.Format(expected, "USD") + " paid", html, StringComparison.Ordinal);
        // The native charts are all still there.
        Assert.Contains("GBP: " + MoneyFormat.Format(load.Value.Payments.Where(p => p.Type == PaymentType.Actual && p.Amount?.Currency == "GBP").Sum(p => p.Amount!.Value.Amount), "GBP") + " paid", html, StringComparison.Ordinal);
    }
}
