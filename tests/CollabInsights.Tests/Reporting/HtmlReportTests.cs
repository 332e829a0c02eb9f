using System.Text.RegularExpressions;
using CollabInsights.Reporting;
using Plotly.NET.CSharp;

namespace CollabInsights.Tests.Reporting;

public class HtmlReportTests
{
    private static Plotly.NET.GenericChart SmallChart(string name) =>
        Chart.Column<double, string, string>([1.0, 2.0], new Plotly.NET.CSharp.Optional<IEnumerable<string>>(["a", "b"], true), Name: name);

    [Fact]
    public void Report_with_two_charts_inlines_plotly_js_exactly_once_and_loads_nothing_from_the_network()
    {
        var report = new HtmlReport("Two charts")
            .AddMarkdown("Some **text**.")
            .AddChart(SmallChart("one"))
            .AddChart(SmallChart("two"));
        var html = report.ToHtml();

        // The plotly.js banner comment appears once per copy of the library.
        Assert.Single(Regex.Matches(html, "plotly.js v2\\.28\\.0", RegexOptions.CultureInvariant));
        Assert.DoesNotMatch(new Regex("<script[^>]+src=\"https?:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), html);
        Assert.Contains("collab_chart_1", html, StringComparison.Ordinal);
        Assert.Contains("collab_chart_2", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("plotly.js v2.28.0", StringComparison.Ordinal) < html.IndexOf("collab_chart_1", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_without_charts_carries_no_plotly_js()
    {
        var html = new HtmlReport("Tables only").AddTable(new[] { new { A = 1 } }).ToHtml();
        Assert.DoesNotContain("plotly.js v2", html, StringComparison.Ordinal);
        Assert.Contains("<th>A</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_content_gives_the_same_bytes()
    {
        string Build() => new HtmlReport("Same").AddChart(SmallChart("x")).ToHtml();
        Assert.Equal(Build(), Build());
    }

    [Fact]
    public void Markdown_and_title_are_escaped()
    {
        var html = new HtmlReport("A <b> title").AddMarkdown("<script>alert(1)</script>\n\n# Heading").ToHtml();
        Assert.Contains("<title>A &lt;b&gt; title</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_is_written_as_utf8_without_bom()
    {
        var dir = Tests.Shared.RepoPaths.NewTempDirectory();
        var path = Path.Combine(dir, "sub", "report.html");
        await new HtmlReport("Written £").WriteAsync(path, TestContext.Current.CancellationToken);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains("Written £", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
