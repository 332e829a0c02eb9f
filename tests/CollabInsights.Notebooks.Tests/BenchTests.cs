using System.Text.Json.Nodes;
using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

public sealed class BenchTests
{
    [Fact]
    public async Task Notebook_bench_runs_at_a_tiny_size_and_writes_its_numbers()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory();
        var nbs = Path.Combine(dir, "nbs");
        Directory.CreateDirectory(nbs);
        File.Copy(ExternalTools.TestFile("Notebooks", "polyglot.ipynb"), Path.Combine(nbs, "polyglot.ipynb"));
        var json = Path.Combine(dir, "bench.json");
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["notebook", "bench", "--cells", "3", "--notebooks", nbs, "--out", json], output, output, ct);
        Assert.True(code == 0, output.ToString());
        var result = JsonNode.Parse(await File.ReadAllTextAsync(json, ct))!["result"]!;
        Assert.True(result["kernelReadyMs"]!.GetValue<double>() > 0);
        Assert.True(result["trivialCellMedianMs"]!.GetValue<double>() > 0);
        Assert.True(result["engineTrivialCellMedianMs"]!.GetValue<double>() > 0);
        Assert.Equal(3, result["cells"]!.GetValue<int>());
        Assert.True(result["notebooks"]!["polyglot.ipynb"]!.GetValue<double>() > 0);
        var peer = result["dotNetInteractive"]!; // .NET Interactive's CSharpKernel, measured in the same run
        Assert.StartsWith("Microsoft.DotNet.Interactive.CSharp CSharpKernel", peer["kernel"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(peer["readyMs"]!.GetValue<double>() > 0);
        Assert.True(peer["trivialCellMedianMs"]!.GetValue<double>() > 0);
        Assert.Contains(".NET Interactive CSharpKernel: ready", output.ToString(), StringComparison.Ordinal);
    }
}
