using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.OffChain;

public class StandardsBenchmarkTests
{
    [Fact]
    public async Task Bench_standards_runs_ours_and_lxml_on_a_tiny_generated_file_and_both_count_the_same()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory("bench-standards");
        var outFile = Path.Combine(dir, "standards.json");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(
            ["bench", "standards", "--size-mb", "0.2", "--sample", Path.Combine(RepoPaths.Root, "data", "iati-samples", "activity-standard-example-annotated.xml"),
             "--work", dir, "--out", outFile],
            output, error, ct);
        Assert.True(code == 0, output + error.ToString());

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(outFile, ct));
        var r = json.RootElement;
        Assert.True(r.GetProperty("counts_agree").GetBoolean());
        var activities = r.GetProperty("activities").GetInt32();
        Assert.True(activities >= 10, $"{activities} activities in 0.2 MiB");
        Assert.Equal(activities, r.GetProperty("counts").GetProperty("projects").GetInt32());
        Assert.Equal(activities, r.GetProperty("counts").GetProperty("transactions").GetInt32()); // one transaction per activity in the sample
        Assert.True(r.GetProperty("bytes").GetInt64() >= 200 * 1024);
        Assert.True(r.GetProperty("ours_seconds").GetDouble() > 0 && r.GetProperty("lxml_seconds").GetDouble() > 0);
        Assert.True(r.GetProperty("lxml_peak_rss_bytes").GetInt64() > 0);
        Assert.Empty(Directory.GetFiles(dir, "collab-iati-bench-*.xml")); // the generated file is removed
    }
}
