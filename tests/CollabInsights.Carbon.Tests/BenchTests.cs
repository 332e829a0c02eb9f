using System.Text.Json;
using CollabInsights.Carbon;
using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Carbon.Tests;

/// <summary><c>collab bench carbon</c> at a tiny size: it runs, both engines find exactly the planted overlaps, and the result file is written.</summary>
public class BenchTests
{
    [Fact]
    public async Task At_a_tiny_size_ours_and_duckdb_find_the_same_pairs_which_are_the_planted_ones()
    {
        var result = await SerialOverlapBenchmark.RunAsync(20_000, 5, TestContext.Current.CancellationToken);
        Assert.Equal(20, result.PlantedPairs);
        Assert.Equal((20L, 20L, true), (result.OursPairs, result.DuckDbPairs, result.IdenticalPairs));
        Assert.Equal(400, result.Stems);
        Assert.True(result.OursSeconds > 0 && result.DuckDbSeconds > 0);
    }

    [Fact]
    public async Task Bench_carbon_writes_its_result_file()
    {
        var file = Path.Combine(RepoPaths.NewTempDirectory(), "carbon.json");
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["bench", "carbon", "--n", "5000", "--out", file], output, new StringWriter(), TestContext.Current.CancellationToken);
        Assert.True(code == 0, output.ToString());
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal(5000, doc.RootElement.GetProperty("n").GetInt32());
        Assert.True(doc.RootElement.GetProperty("identical_pairs").GetBoolean());
        Assert.Equal(doc.RootElement.GetProperty("planted_pairs").GetInt32(), doc.RootElement.GetProperty("ours_pairs").GetInt32());
        Assert.Contains("identical: yes", output.ToString(), StringComparison.Ordinal);
    }
}
