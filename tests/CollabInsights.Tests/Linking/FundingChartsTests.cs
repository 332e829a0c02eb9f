using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CollabInsights.Domain;
using CollabInsights.Linking;
using CollabInsights.Reporting;
using Plotly.NET;

namespace CollabInsights.Tests.Linking;

public class FundingChartsTests
{
    // 300 projects, 1,400 outcome metrics, 40 funders, all in GBP; project i has a name of 70 characters.
    private static FundingLinkResult Large()
    {
        var links = new List<FundingLink>();
        var funders = new List<FunderProjectLink>();
        var metric = 0;
        for (var p = 0; p < 300; p++)
        {
            var id = $"P{p:D3}";
            var name = $"Project number {p:D3} with a long and winding name that goes on and on";
            var metrics = p < 200 ? 5 : 4;
            decimal paid = 0;
            for (var m = 0; m < metrics; m++, metric++)
            {
                var amount = 1000m + (p * 37) + (m * 11);
                paid += amount;
                links.Add(new FundingLink(id, name, $"Sector {p % 7}", $"ORG-{p % 40}", $"Funder organisation {p % 40} of the long list", FunderKind.Organisation, "named payer",
                    $"M{metric}", $"Outcome metric {metric}: people in sustained employment for 26 weeks", "GBP", 10m, null, amount, null, 0m, 0m, amount, 5m + m, amount / (5m + m), null, null, 1, [$"projects_outcome_payments.csv:{metric + 1}"]));
            }

            funders.Add(new FunderProjectLink(id, name, $"Sector {p % 7}", $"ORG-{p % 40}", $"Funder organisation {p % 40} of the long list", FunderKind.Organisation, "named payer", "GBP",
                paid * 2, null, paid, null, 0m, paid / 2, paid / 2, 0.5m, paid, [$"projects_outcome_payment_commitments.csv:{p + 1}"]));
        }

        Assert.Equal(1400, metric);
        return new FundingLinkResult(links, funders, [], null);
    }

    private static (JsonElement Data, JsonElement Layout) Figure(GenericChart chart)
    {
        var html = PlotlyOffline.ChartFragment(chart, "t");
        var data = Regex.Match(html, @"var data = (\[.*?\]);\s*var layout", RegexOptions.Singleline | RegexOptions.CultureInvariant).Groups[1].Value;
        var layout = Regex.Match(html, @"var layout = (\{.*?\});\s*var config", RegexOptions.Singleline | RegexOptions.CultureInvariant).Groups[1].Value;
        return (JsonDocument.Parse(data).RootElement.Clone(), JsonDocument.Parse(layout).RootElement.Clone());
    }

    [Fact]
    public void Committed_versus_paid_at_300_projects_draws_the_largest_and_groups_the_rest_by_name()
    {
        var result = Large();
        var (data, layout) = Figure(FundingCharts.PaidVersusCommitted(result, "GBP"));
        var paid = data.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "paid");
        var labels = paid.GetProperty("y").EnumerateArray().Select(y => y.GetString()!).ToList();
        Assert.Equal(FundingCharts.DefaultTopProjects + 1, labels.Count);
        Assert.Equal("275 other projects", labels[^1]);
        Assert.All(labels, l => Assert.True(l.Length <= FundingCharts.LabelChars, l));
        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
        // The full name is in the hover; the largest project comes first.
        Assert.Equal("P299: Project number 299 with a long and winding name that goes on and on", paid.GetProperty("customdata")[0].GetString());
        // Nothing is lost in the grouping: the bars add up to the total paid, which the title states.
        var total = result.Funders.Sum(f => f.PaidActual);
        Assert.Equal((double)total, paid.GetProperty("x").EnumerateArray().Sum(x => x.GetDouble()), 3);
        var title = layout.GetProperty("title").GetProperty("text").GetString()!;
        Assert.Contains("GBP: " + MoneyFormat.Format(total, "GBP") + " paid", title, StringComparison.Ordinal);
        Assert.Contains("the 25 largest of 300, the rest grouped", title, StringComparison.Ordinal);
        Assert.True(layout.GetProperty("height").GetInt32() <= 1400);
    }

    [Fact]
    public void Funding_flows_at_1400_metrics_keep_every_column_short_and_conserve_the_money()
    {
        var result = Large();
        var (data, layout) = Figure(FundingCharts.FundingFlows(result, "GBP"));
        var sankey = data[0];
        var labels = sankey.GetProperty("node").GetProperty("label").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.True(labels.Count <= 3 * (FundingCharts.DefaultTopNodes + 1), labels.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("28 other funders", labels);
        Assert.Contains("288 other projects", labels);
        Assert.Contains("1388 other metrics", labels);
        Assert.All(labels, l => Assert.True(l.Length <= FundingCharts.SankeyLabelChars, l));
        var hovers = sankey.GetProperty("node").GetProperty("customdata").EnumerateArray().Select(h => h.GetString()!).ToList();
        Assert.Contains(hovers, h => h.Contains("people in sustained employment for 26 weeks", StringComparison.Ordinal));

        // Money in = money out: funders to projects carry the total, and so do projects to metrics.
        var funderNodes = Enumerable.Range(0, labels.Count).Where(i => labels[i].StartsWith("Funder", StringComparison.Ordinal) || labels[i] == "28 other funders").ToHashSet();
        var source = sankey.GetProperty("link").GetProperty("source").EnumerateArray().Select(s => s.GetInt32()).ToList();
        var value = sankey.GetProperty("link").GetProperty("value").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var total = (double)result.Links.Sum(l => l.PaidActual);
        Assert.Equal(total, Enumerable.Range(0, source.Count).Where(i => funderNodes.Contains(source[i])).Sum(i => value[i]), 3);
        Assert.Equal(total, Enumerable.Range(0, source.Count).Where(i => !funderNodes.Contains(source[i])).Sum(i => value[i]), 3);
        Assert.Contains("GBP: " + MoneyFormat.Format((decimal)total, "GBP") + " paid to 300 projects", layout.GetProperty("title").GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_text_from_the_data_cannot_carry_markup()
    {
        var result = Large();
        var evil = result with { Links = [.. result.Links.Select(l => l.ProjectId == "P299" ? l with { ProjectName = "</script><b>x</b> & y" } : l)] };
        var html = PlotlyOffline.ChartFragment(FundingCharts.FundingFlows(evil, "GBP"), "t");
        Assert.DoesNotContain("</script><b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</", html.Replace("</script></div>", "", StringComparison.Ordinal).Replace("</div>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // The label is HTML-escaped for Plotly's text, and its JSON is escaped for the script element (\u003c-style).
        Assert.Contains("\\u0026lt;/script\\u0026gt;\\u0026lt;b\\u0026gt;x\\u0026lt;/b\\u0026gt; \\u0026amp; y", html, StringComparison.Ordinal);
        var (data, _) = Figure(FundingCharts.FundingFlows(evil, "GBP"));
        Assert.Contains("&lt;/script&gt;&lt;b&gt;x&lt;/b&gt; &amp; y", Strings(data));
    }

    private static List<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => [.. e.EnumerateArray().SelectMany(Strings)],
        JsonValueKind.Object => [.. e.EnumerateObject().SelectMany(p => Strings(p.Value))],
        _ => [],
    };
}
