using CollabInsights.Cli;
using CollabInsights.Notebooks.Documents;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

/// <summary>Polyglot's .dib files run and convert through Microsoft.DotNet.Interactive.Documents.</summary>
public sealed class DibTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Dib = """
        #!meta

        {"kernelInfo":{"defaultKernelName":"csharp","items":[{"name":"csharp"},{"name":"html"}]}}

        #!markdown

        # A .dib notebook

        #!csharp

        var total = new[] { 1, 2, 3 }.Sum();
        total

        #!html

        <p>shown as HTML</p>

        """;

    [Fact]
    public async Task Collab_notebook_runs_a_dib_file_and_writes_the_executed_ipynb()
    {
        var dir = RepoPaths.NewTempDirectory();
        var dib = Path.Combine(dir, "sample.dib");
        await File.WriteAllTextAsync(dib, Dib, Ct);
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["notebook", "run", dib, "--out", Path.Combine(dir, "sample.ipynb")], output, output, Ct);
        Assert.True(code == 0, output.ToString());
        var notebook = NotebookDocument.Load(Path.Combine(dir, "sample.ipynb"));
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.Equal("6", NotebookOutputs.GetData(notebook.Cells[1].Outputs.Single(), "text/plain"));
        Assert.Equal("<p>shown as HTML</p>", NotebookOutputs.GetData(notebook.Cells[2].Outputs.Single(), "text/html"));
    }

    [Fact]
    public async Task Convert_turns_dib_into_ipynb_and_back_keeping_cells_and_languages()
    {
        var dir = RepoPaths.NewTempDirectory();
        var dib = Path.Combine(dir, "sample.dib");
        await File.WriteAllTextAsync(dib, Dib, Ct);
        var output = new StringWriter();
        Assert.Equal(0, await CollabCli.InvokeAsync(["notebook", "convert", dib, "--to", "ipynb"], output, output, Ct));
        var notebook = NotebookDocument.Load(Path.Combine(dir, "sample.ipynb"));
        Assert.Equal("html", notebook.Cells[2].Metadata["polyglot_notebook"]!["kernelName"]!.GetValue<string>());

        Assert.Equal(0, await CollabCli.InvokeAsync(["notebook", "convert", Path.Combine(dir, "sample.ipynb"), "--to", "dib", "--out", Path.Combine(dir, "back.dib")], output, output, Ct));
        var back = await File.ReadAllTextAsync(Path.Combine(dir, "back.dib"), Ct);
        Assert.Contains("#!markdown\n\n# A .dib notebook", back, StringComparison.Ordinal);
        Assert.Contains("#!csharp\n\nvar total = new[] { 1, 2, 3 }.Sum();", back, StringComparison.Ordinal);
        Assert.Contains("#!html\n\n<p>shown as HTML</p>", back, StringComparison.Ordinal);
    }
}
