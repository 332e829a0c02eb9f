using CollabInsights.Notebooks.Execution;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.Linking;

public class FundingNotebookTests
{
    [Fact]
    public async Task Funding_notebook_runs_top_to_bottom_on_a_small_generated_scenario()
    {
        var ct = TestContext.Current.CancellationToken;
        var outDir = RepoPaths.NewTempDirectory();
        var path = Path.Combine(RepoPaths.Root, "notebooks", "01-funding-to-outcomes.ipynb");
        var run = await NotebookRunner.RunFileAsync(path, new NotebookRunOptions
        {
            Parameters = [new("projects", "4"), new("seed", "3"), new("outDir", outDir)],
        }, ct);

        Assert.True(run.Succeeded, string.Join("\n", run.Failures.Select(f => $"cell {f.Cell}: {f.Error}")));
        Assert.True(File.Exists(Path.Combine(outDir, "report.html")));
        Assert.True(File.Exists(Path.Combine(outDir, "tables", "funding_links.csv")));
    }
}
