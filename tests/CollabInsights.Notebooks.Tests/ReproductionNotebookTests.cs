using CollabInsights.Cli;
using CollabInsights.Notebooks.Documents;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

/// <summary>Notebook 06 (reproducing GO Lab's landscape): the same inputs give byte-identical outputs.</summary>
public sealed class ReproductionNotebookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Running_the_reproduction_notebook_twice_gives_byte_identical_files_and_cell_outputs()
    {
        var source = Path.Combine(RepoPaths.Root, "notebooks", "06-reproduce-golab-landscape.ipynb");
        var runs = new List<(string Folder, NotebookDocument Executed)>();
        for (var i = 0; i < 2; i++)
        {
            var dir = RepoPaths.NewTempDirectory("collab-repro-nb");
            var outDir = Path.Combine(dir, "repro");
            var executed = Path.Combine(dir, "executed.ipynb");
            var output = new StringWriter();
            var code = await CollabCli.InvokeAsync(["notebook", "run", source, "--out", executed, "--param", $"outDir={outDir}", "--timeout", "600"], output, output, Ct);
            Assert.True(code == 0, output.ToString());
            runs.Add((outDir, NotebookDocument.Load(executed)));
        }

        foreach (var name in new[] { "landscape.json", "reproduction.json", "manifest.json" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(runs[0].Folder, name), Ct), await File.ReadAllBytesAsync(Path.Combine(runs[1].Folder, name), Ct));
        }

        // Every cell's outputs, except the injected-parameters cell that names each run's own folder.
        static List<string> Outputs(NotebookDocument doc) => doc.Cells
            .Where(c => c.Kind == CellKind.Code && !c.Source.Contains("outDir = ", StringComparison.Ordinal))
            .Select(c => string.Join("\n", c.Outputs.Select(o => o?.ToJsonString() ?? ""))).ToList();
        var first = Outputs(runs[0].Executed);
        Assert.Equal(first, Outputs(runs[1].Executed));
        Assert.Contains(first, o => o.Contains("median_capital_usd", StringComparison.Ordinal) && o.Contains("1,192,360", StringComparison.Ordinal));
        Assert.Contains(first, o => o.Contains("Method reproduced", StringComparison.Ordinal));
    }
}
