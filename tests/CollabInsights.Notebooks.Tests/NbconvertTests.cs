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
