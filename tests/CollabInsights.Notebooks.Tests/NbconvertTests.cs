using CollabInsights.Cli;
using CollabInsights.Notebooks.Documents;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

/// <summary>A real Jupyter client (Debian jupyter-nbconvert + python3-nbclient) runs a notebook with our kernel.</summary>
public sealed class NbconvertTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Nbconvert_executes_a_notebook_with_our_kernel_and_matches_collab_notebook_run()
    {
        ExternalTools.Require(ExternalTools.Jupyter, "apt-get install jupyter-nbconvert python3-nbclient");
        ExternalTools.RequirePython("nbclient", "jupyter-nbconvert python3-nbclient");
        var jupyterPath = await ExternalTools.InstallKernelAsync(Ct);
        var dir = RepoPaths.NewTempDirectory();
        File.Copy(ExternalTools.TestFile("Notebooks", "smoke.ipynb"), Path.Combine(dir, "smoke.ipynb"));
        var run = ExternalTools.Run(ExternalTools.Jupyter,
            ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=collab-csharp", "--ExecutePreprocessor.timeout=120", "--output", "by-jupyter.ipynb", "smoke.ipynb"],
            TimeSpan.FromMinutes(4), new Dictionary<string, string> { ["JUPYTER_PATH"] = jupyterPath }, dir);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var byJupyter = NotebookDocument.Load(Path.Combine(dir, "by-jupyter.ipynb"));

        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["notebook", "run", Path.Combine(dir, "smoke.ipynb"), "--out", Path.Combine(dir, "by-collab.ipynb")], output, output, Ct);
        Assert.True(code == 0, output.ToString());
        var byCollab = NotebookDocument.Load(Path.Combine(dir, "by-collab.ipynb"));

        var compute = byJupyter.Cells.Single(c => c.Id == "compute");
        Assert.Equal("default: 1,4,9\n", NotebookDocument.ReadMultiline(compute.Outputs.Single()["text"]));
        Assert.Equal("14", NotebookOutputs.GetData(byJupyter.Cells.Single(c => c.Id == "total").Outputs.Single(), "text/plain"));
        Assert.Contains("&lt;row 0&gt;", NotebookOutputs.GetData(byJupyter.Cells.Single(c => c.Id == "table").Outputs.Single(), "text/html"), StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", NotebookOutputs.GetData(byJupyter.Cells.Single(c => c.Id == "chart").Outputs.Single(), "text/html"), StringComparison.Ordinal);

        Assert.Equal(Summary(byJupyter), Summary(byCollab));
    }

    [Fact]
    public async Task A_notebook_written_for_dotnet_interactive_runs_under_nbconvert_with_the_documented_outputs()
    {
        ExternalTools.Require(ExternalTools.Jupyter, "apt-get install jupyter-nbconvert python3-nbclient");
        ExternalTools.RequirePython("nbclient", "jupyter-nbconvert python3-nbclient");
        var jupyterPath = await ExternalTools.InstallKernelAsync(Ct);
        var dir = RepoPaths.NewTempDirectory();
        File.Copy(ExternalTools.TestFile("Notebooks", "dotnet-interactive.ipynb"), Path.Combine(dir, "dotnet-interactive.ipynb"));
        File.Copy(ExternalTools.TestFile("Notebooks", "helpers.csx"), Path.Combine(dir, "helpers.csx"));
        var run = ExternalTools.Run(ExternalTools.Jupyter,
            ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=collab-csharp", "--ExecutePreprocessor.timeout=120", "--output", "executed.ipynb", "dotnet-interactive.ipynb"],
            TimeSpan.FromMinutes(4), new Dictionary<string, string> { ["JUPYTER_PATH"] = jupyterPath }, dir);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var doc = NotebookDocument.Load(Path.Combine(dir, "executed.ipynb"));
        List<System.Text.Json.Nodes.JsonObject> Outputs(string id) => doc.Cells.Single(c => c.Id == id).Outputs;
        string Data(string id, int index, string mime) => NotebookOutputs.GetData(Outputs(id)[index], mime) ?? throw new InvalidOperationException($"{id}[{index}] has no {mime}");
        Assert.DoesNotContain(doc.Cells.SelectMany(c => c.Outputs), o => o["output_type"]!.GetValue<string>() == "error");

        // display(...).Update(...): nbclient applied update_display_data to the one output, in place.
        Assert.Equal("Step 3 of 3", Data("update", 0, "text/plain"));
        Assert.Single(Outputs("update"));
        Assert.Equal("<b>plain text</b>", Data("display-html", 0, "text/plain"));
        Assert.Null(NotebookOutputs.GetData(Outputs("display-html")[0], "text/html")); // strings are text/plain
        Assert.Contains("<pre>42</pre>", Data("display-html", 1, "text/html"), StringComparison.Ordinal);
        Assert.Equal("<strong>Outcomes Fund</strong>: 1,500,000", Data("register", 0, "text/html"));
        Assert.Equal("<div><h3>PocketView</h3><ul><li>one</li><li>two</li></ul></div>", Data("pocketview", 0, "text/html"));
        Assert.Equal("<p style='color:green'>HTML helper</p>", Data("html-helper", 0, "text/html"));
        Assert.StartsWith(@"\sum_{i=1}", Data("latex", 0, "text/latex"), StringComparison.Ordinal);
        Assert.Equal("**bold** markdown", Data("markdown-as", 0, "text/markdown"));
        Assert.Contains("<span>Fund</span>", Data("table", 0, "text/html"), StringComparison.Ordinal);
        Assert.Equal("[ 1, 2, 3 ... (7 more) ]", Data("list-limit", 0, "text/plain"));
        Assert.Equal("<h2 id=\"from-html-kernel\">An #!html cell</h2>", Data("html-cell", 0, "text/html"));
        Assert.Equal("## A markdown part", Data("magics", 0, "text/markdown"));
        Assert.Equal("<em>an html part</em>", Data("magics", 1, "text/html"));
        Assert.Contains("<script type=\"text/javascript\">document.title", Data("javascript", 0, "text/html"), StringComparison.Ordinal);
        Assert.Matches(@"^Wall time: \d+\.\d\dms$", Data("time", 0, "text/plain"));
        Assert.Contains("answer", Data("who", 0, "text/plain"), StringComparison.Ordinal);
        Assert.Contains("<td>Int32</td>", Data("whos", 0, "text/html"), StringComparison.Ordinal);
        Assert.Equal("2024: 42", Data("set-value", 0, "text/plain"));
        Assert.Equal("fund,paid\nA,10", Data("value", 0, "text/csv"));
        Assert.Equal("2", Data("share", 0, "text/plain"));
        Assert.Contains("C# (CollabInsights)", Data("about", 0, "text/plain"), StringComparison.Ordinal);
        Assert.Contains("#!lsmagic", Data("lsmagic", 0, "text/plain"), StringComparison.Ordinal);
        Assert.Contains("no-op", NotebookDocument.ReadMultiline(Outputs("sources")[0]["text"]), StringComparison.Ordinal);
        Assert.Equal("42", Data("sources", 1, "text/plain"));
    }

    /// <summary>Outputs without timings or the per-chart random div ids.</summary>
    private static List<string> Summary(NotebookDocument doc) =>
        doc.Cells.Where(c => c.Kind == CellKind.Code).SelectMany(c => c.Outputs.Select(o =>
        {
            var type = o["output_type"]!.GetValue<string>();
            var text = type == "stream" ? NotebookDocument.ReadMultiline(o["text"]) : NotebookOutputs.GetData(o, "text/plain") ?? o["ename"]?.GetValue<string>() ?? "";
            var html = NotebookOutputs.GetData(o, "text/html");
            var htmlShape = html is null ? "" : System.Text.RegularExpressions.Regex.Replace(html, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "GUID").Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $"{c.Id} {c.ExecutionCount} {type} {text} {htmlShape}";
        })).ToList();
}
