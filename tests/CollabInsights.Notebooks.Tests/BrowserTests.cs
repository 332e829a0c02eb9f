using System.Text.Json.Nodes;
using CollabInsights.Notebooks.Documents;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

/// <summary>
/// What an analyst sees: Debian's classic Jupyter Notebook (6.4) serves our kernel on loopback, and the system Chromium,
/// driven by puppeteer-core (pinned in package.json), opens each repository notebook and the .NET Interactive one, runs
/// all cells, and reads the page. One screenshot per notebook is kept under out/test-artefacts/notebook-ui/.
/// </summary>
public sealed class BrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notebooks_run_in_a_real_notebook_ui_with_tables_charts_updates_in_place_and_no_errors()
    {
        ExternalTools.Require("/usr/bin/jupyter-notebook", "apt-get install jupyter-notebook (scripts/bootstrap.sh does)");
        ExternalTools.Require(ExternalTools.Chromium, "apt-get install chromium");
        ExternalTools.Require("/usr/bin/node", "apt-get install nodejs npm");
        ExternalTools.Require(Path.Combine(RepoPaths.Root, "node_modules", "puppeteer-core", "package.json"), "npm ci in the repository (scripts/bootstrap.sh does)");
        var jupyterPath = await ExternalTools.InstallKernelAsync(Ct);
        var root = RepoPaths.NewTempDirectory("collab-notebook-ui");
        var dir = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        var notebooks = Directory.GetFiles(Path.Combine(RepoPaths.Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToList();
        foreach (var notebook in notebooks)
        {
            File.Copy(notebook, Path.Combine(dir, Path.GetFileName(notebook)));
        }

        // The .NET Interactive notebook names .NET Interactive's kernelspec; a user switches it to ours, as here.
        var dni = NotebookDocument.Load(ExternalTools.TestFile("Notebooks", "dotnet-interactive.ipynb"));
        dni.Metadata["kernelspec"] = new JsonObject { ["display_name"] = "C# (CollabInsights)", ["language"] = "csharp", ["name"] = "collab-csharp" };
        dni.Save(Path.Combine(dir, "dotnet-interactive.ipynb"));
        File.Copy(ExternalTools.TestFile("Notebooks", "helpers.csx"), Path.Combine(dir, "helpers.csx"));
        // Repository notebooks read ../data like in notebooks/.
        Directory.CreateSymbolicLink(Path.Combine(root, "data"), Path.Combine(RepoPaths.Root, "data"));

        var shots = Path.Combine(RepoPaths.Root, "out", "test-artefacts", "notebook-ui");
        Directory.CreateDirectory(shots);
        var names = notebooks.Select(Path.GetFileName).Append("dotnet-interactive.ipynb").ToList();
        var resultFile = Path.Combine(root, "notebook-ui.json");
        var run = ExternalTools.Run("/usr/bin/node", [ExternalTools.TestFile("browser", "notebook_ui.mjs"), dir, shots, resultFile, .. names!],
            TimeSpan.FromMinutes(40),
            new Dictionary<string, string>
            {
                ["JUPYTER_PATH"] = jupyterPath,
                ["JUPYTER_RUNTIME_DIR"] = Path.Combine(dir, ".runtime"),
                ["COLLAB_REPO_ROOT"] = RepoPaths.Root,
            }, dir);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var seen = JsonNode.Parse(await File.ReadAllTextAsync(resultFile, Ct))!["notebooks"]!;
        foreach (var name in names)
        {
            var nb = seen[name!]!;
            Assert.True(nb["cells"]!.GetValue<int>() == nb["executed"]!.GetValue<int>(), $"{name}: not every cell ran");
            Assert.True(nb["errors"]!.AsArray().Count == 0, $"{name}: error outputs {nb["errors"]!.ToJsonString()}");
            Assert.True(nb["consoleErrors"]!.AsArray().Count == 0, $"{name}: script errors {nb["consoleErrors"]!.ToJsonString()}");
            Assert.True(nb["chartDivs"]!.GetValue<int>() == nb["chartSvgs"]!.GetValue<int>(), $"{name}: {nb["chartDivs"]} charts, {nb["chartSvgs"]} drawn as SVG");
            Assert.True(new FileInfo(nb["screenshot"]!.GetValue<string>()).Length > 10_000, $"{name}: no screenshot");
        }

        // The analyses render tables and draw charts (each chart drawn, checked above).
        Assert.True(notebooks.Sum(n => seen[Path.GetFileName(n)]!["tables"]!.GetValue<int>()) >= notebooks.Count, "fewer rendered tables than repository notebooks");
        Assert.True(notebooks.Sum(n => seen[Path.GetFileName(n)]!["chartSvgs"]!.GetValue<int>()) > 0, "no Plotly chart drawn in any repository notebook");

        // display(...).Update(...) replaced the output in place: one output, the last value.
        var updateIndex = dni.Cells.FindIndex(c => c.Id == "update");
        var update = seen["dotnet-interactive.ipynb"]!["byIndex"]![updateIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["outputs"]!.AsArray();
        Assert.Equal("Step 3 of 3", Assert.Single(update)!["text"]!.GetValue<string>());
        var tableIndex = dni.Cells.FindIndex(c => c.Id == "table");
        Assert.True(seen["dotnet-interactive.ipynb"]!["byIndex"]![tableIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["renderedTables"]!.GetValue<int>() > 0);
    }
}
