using CollabInsights.Notebooks.Documents;
using CollabInsights.Notebooks.Execution;

namespace CollabInsights.Notebooks.Tests;

/// <summary>.NET Interactive's display API (Microsoft.DotNet.Interactive.Formatting) in our engine, as its documentation describes it.</summary>
public sealed class DotNetInteractiveDisplayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Display_returns_a_handle_whose_update_replaces_that_output_and_a_trailing_display_shows_once()
    {
        using var session = new CSharpSession();
        var result = await session.ExecuteAsync("var d = display(\"start\");\nd.Update(\"finished\");\ndisplay(3)", cancellationToken: Ct);
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal(3, result.Outputs.Count);
        var shown = Assert.IsType<DisplayDataOutput>(result.Outputs[0]);
        var update = Assert.IsType<UpdateDisplayDataOutput>(result.Outputs[1]);
        Assert.Equal("start", shown.Data.PlainText);
        Assert.Equal("finished", update.Data.PlainText);
        Assert.Equal(shown.DisplayId, update.DisplayId);
        Assert.NotNull(shown.DisplayId);
        Assert.Equal("3", Assert.IsType<DisplayDataOutput>(result.Outputs[2]).Data.PlainText); // no execute_result for the handle
    }

    [Fact]
    public async Task Extension_Display_with_a_mime_type_and_updates_from_a_later_cell_reach_the_same_display()
    {
        using var session = new CSharpSession();
        var first = await session.ExecuteAsync("var h = 41.Display(\"text/html\");\nobject o = \"x\"; var k = o.Display();", cancellationToken: Ct);
        Assert.True(first.Succeeded, first.Error?.Value);
        var html = Assert.IsType<DisplayDataOutput>(first.Outputs[0]);
        Assert.Contains("<pre>41</pre>", html.Data.Html, StringComparison.Ordinal);
        var untyped = Assert.IsType<DisplayDataOutput>(first.Outputs[1]);
        var later = await session.ExecuteAsync("h.Update(42);\nk.Update(\"y\");", cancellationToken: Ct);
        Assert.True(later.Succeeded, later.Error?.Value);
        var updates = later.Outputs.Cast<UpdateDisplayDataOutput>().ToList();
        Assert.Equal([html.DisplayId, untyped.DisplayId], updates.Select(u => u.DisplayId));
        Assert.Contains("<pre>42</pre>", updates[0].Data.Html, StringComparison.Ordinal);
        Assert.Equal("y", updates[1].Data.PlainText);
    }

    [Fact]
    public async Task Formatter_registrations_override_the_kit_formatters_and_ResetToDefault_restores_them()
    {
        using var session = new CSharpSession();
        const string Frame = "new DataFrame(new PrimitiveDataFrameColumn<int>(\"Year\", new[] { 2023, 2024 }))";
        var kit = await session.ExecuteAsync(Frame, cancellationToken: Ct);
        Assert.Contains("collab-table", Assert.IsType<ExecuteResultOutput>(Assert.Single(kit.Outputs)).Data.Html, StringComparison.Ordinal);
        // The Formatter is process-wide (as in .NET Interactive) and tests run side by side: register, show and reset in one cell.
        var custom = await session.ExecuteAsync($"Formatter.Register<DataFrame>(df => $\"<p>{{df.Rows.Count}} rows</p>\", \"text/html\");\ndisplay({Frame});\nFormatter.ResetToDefault();", cancellationToken: Ct);
        Assert.True(custom.Succeeded, custom.Error?.Value);
        Assert.Equal("<p>2 rows</p>", Assert.IsType<DisplayDataOutput>(Assert.Single(custom.Outputs)).Data.Html);
        var again = await session.ExecuteAsync(Frame, cancellationToken: Ct);
        Assert.Contains("collab-table", Assert.IsType<ExecuteResultOutput>(Assert.Single(again.Outputs)).Data.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_mime_types_list_limits_PocketView_HTML_LaTeX_markdown_and_tables_render_as_documented()
    {
        using var session = new CSharpSession();
        var result = await session.ExecuteAsync("""
            Formatter.Register<System.Version>(v => $"v{v.Major}", "text/markdown");
            display(new Version(3, 1), "text/markdown");
            Formatter.ListExpansionLimit = 3;
            display(Enumerable.Range(0, 10).ToList(), "text/plain");
            Formatter.ListExpansionLimit = 20;
            display(div(b("bold"), i("it")));
            display(HTML("<p>raw</p>"));
            display(new LaTeXString(@"\frac{1}{2}"));
            "**md**".DisplayAs("text/markdown");
            new[] { new { Fund = "A", Amount = 1.5m } }.DisplayTable();
            """, cancellationToken: Ct);
        Assert.True(result.Succeeded, result.Error?.Value);
        var bundles = result.Outputs.Cast<DisplayDataOutput>().Select(o => o.Data).ToList();
        Assert.Equal("v3", bundles[0].Data["text/markdown"]);
        Assert.Equal("[ 0, 1, 2 ... (7 more) ]", bundles[1].PlainText);
        Assert.Equal("<div><b>bold</b><i>it</i></div>", bundles[2].Html);
        Assert.Equal("<p>raw</p>", bundles[3].Html);
        Assert.Equal(@"\frac{1}{2}", bundles[4].Data["text/latex"]);
        Assert.Equal("**md**", bundles[5].Data["text/markdown"]);
        Assert.Contains("<span>Fund</span>", bundles[6].Html, StringComparison.Ordinal);
        Assert.Contains("1.5", bundles[6].Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notebook_run_rewrites_an_updated_display_in_place()
    {
        var notebook = new NotebookDocument();
        notebook.Cells.Add(new NotebookCell(CellKind.Code, "var progress = display(\"0 %\");", "show"));
        notebook.Cells.Add(new NotebookCell(CellKind.Code, "progress.Update(\"100 %\");", "update"));
        var result = await NotebookRunner.RunAsync(notebook, cancellationToken: Ct);
        Assert.True(result.Succeeded);
        Assert.Equal("100 %", NotebookOutputs.GetData(result.Notebook.Cells[0].Outputs.Single(), "text/plain"));
        Assert.Empty(result.Notebook.Cells[1].Outputs);
    }
}
