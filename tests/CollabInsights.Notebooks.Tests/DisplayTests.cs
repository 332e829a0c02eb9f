using CollabInsights.Notebooks.Display;
using CollabInsights.Notebooks.Execution;
using Microsoft.Data.Analysis;

namespace CollabInsights.Notebooks.Tests;

public sealed class DisplayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_display_as_an_escaped_html_table_with_a_bounded_preview()
    {
        using var session = new CSharpSession(new CSharpSessionOptions { Display = new DisplayContext { MaxRows = 5 } });
        var result = await session.ExecuteAsync("record P(string Name, decimal Amount);\ndisplay(Enumerable.Range(0, 12).Select(i => new P(i == 0 ? \"<script>alert(1)</script>\" : $\"p{i}\", i * 1.5m)).ToList());", cancellationToken: Ct);
        Assert.True(result.Succeeded, result.Error?.Value);
        var html = Assert.IsType<DisplayDataOutput>(Assert.Single(result.Outputs)).Data.Html!;
        Assert.Contains("<th>Name</th>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("7 more rows", html, StringComparison.Ordinal);
        Assert.Contains(">6.0</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>p5</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataFrame_displays_as_a_table()
    {
        using var session = new CSharpSession();
        var result = await session.ExecuteAsync("var df = new DataFrame(new PrimitiveDataFrameColumn<int>(\"Year\", new[] { 2023, 2024 }), new StringDataFrameColumn(\"Fund\", new[] { \"A&B\", \"C\" }));\ndf", cancellationToken: Ct);
        Assert.True(result.Succeeded, result.Error?.Value);
        var bundle = Assert.IsType<ExecuteResultOutput>(Assert.Single(result.Outputs)).Data;
        Assert.Contains("<th>Year</th><th>Fund</th>", bundle.Html, StringComparison.Ordinal);
        Assert.Contains(">2024</td><td>C</td>", bundle.Html, StringComparison.Ordinal);
        Assert.Contains("A&amp;B", bundle.Html, StringComparison.Ordinal);
        Assert.Contains("2023", bundle.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plotly_charts_render_offline_with_one_plotly_copy_per_document()
    {
        using var session = new CSharpSession();
        var result = await session.ExecuteAsync("""
            var c = Plotly.NET.CSharp.Chart.Line<int, int, string>(x: new[] { 1, 2, 3 }, y: new[] { 2, 4, 8 });
            display(c);
            display(c);
            """, cancellationToken: Ct);
        Assert.True(result.Succeeded, result.Error?.Value);
        var htmls = result.Outputs.Cast<DisplayDataOutput>().Select(o => o.Data.Html!).ToList();
        Assert.Equal(2, htmls.Count);
        Assert.Contains("(function(define, exports, module)", htmls[0], StringComparison.Ordinal);
        Assert.Contains("collab_chart_1", htmls[0], StringComparison.Ordinal);
        Assert.Contains("collab_chart_2", htmls[1], StringComparison.Ordinal);
        Assert.True(htmls[0].Length > 1_000_000, "the first chart carries plotly.js");
        Assert.True(htmls[1].Length < 100_000, "the second chart reuses it");
        Assert.All(htmls, h => Assert.Contains("Plotly.newPlot", h, StringComparison.Ordinal));
        Assert.All(htmls, h => Assert.DoesNotContain("<script src", h, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Other_values_follow_dotnet_interactive_formatting_with_text_plain_always_added()
    {
        using var session = new CSharpSession();
        var result = await session.ExecuteAsync("display(\"<b>bold</b>\"); display(1.5); display(null); new { A = 1 }", cancellationToken: Ct);
        var bundles = result.Outputs.Select(o => o switch { DisplayDataOutput d => d.Data, ExecuteResultOutput r => r.Data, _ => throw new InvalidOperationException() }).ToList();
        Assert.Equal(["<b>bold</b>", "1.5", "<null>"], bundles.Take(3).Select(b => b.PlainText));
        Assert.EndsWith("A: 1", bundles[3].PlainText, StringComparison.Ordinal);
        Assert.Null(bundles[0].Html); // strings are text/plain only, so markup in them is never rendered
        Assert.Contains("<pre>1.5</pre>", bundles[1].Html, StringComparison.Ordinal);
        Assert.Contains("dni-treeview", bundles[3].Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_formatter_takes_precedence()
    {
        var registry = DisplayFormatterRegistry.CreateDefault();
        registry.Register(new UpperFormatter());
        using var session = new CSharpSession(new CSharpSessionOptions { Formatters = registry });
        var result = await session.ExecuteAsync("new System.Text.StringBuilder(\"abc\")", cancellationToken: Ct);
        Assert.Equal("ABC", Assert.IsType<ExecuteResultOutput>(Assert.Single(result.Outputs)).Data.PlainText);
    }

    private sealed class UpperFormatter : IDisplayFormatter
    {
        public bool CanFormat(object value) => value is System.Text.StringBuilder;

        public MimeBundle Format(object value, DisplayContext context) => new(value.ToString()!.ToUpperInvariant());
    }
}
