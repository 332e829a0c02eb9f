using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.OffChain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.OffChain;

public class IndigoIngestBenchmarkTests
{
    private static string TinyExport() =>
        MiniExport.Basic().Payment((IndigoLayout.PaymentColumns.Currency, "GBP"), (IndigoLayout.PaymentColumns.Amount, "10")).Write();

    private static int LeftoverScripts() => Directory.GetFiles(Path.GetTempPath(), "collab-pandas-bench-*.py").Length;

    [Fact]
    public async Task Benchmark_runs_both_sides_on_a_tiny_export_with_the_built_in_pandas_script()
    {
        var folder = TinyExport();
        Assert.True(File.Exists(DebianPython.Interpreter), "/usr/bin/python3 is missing: apt-get install python3 python3-pandas");
        var before = LeftoverScripts();

        var result = await IndigoIngestBenchmark.RunAsync(
            folder,
            new IndigoIngestBenchmarkOptions { Iterations = 2, WarmupIterations = 1 },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.OursTimesMs.Count);
        Assert.Equal(2, result.PandasTimesMs.Count);
        Assert.True(result.OursMedianMs > 0 && result.PandasMedianMs > 0);
        Assert.Equal(4, result.OurRecords);
        Assert.Equal(4, result.PandasRows);
        Assert.Matches(@"^\d+\.\d+", result.PandasVersion);
        Assert.Contains("\"ratio_ours_over_pandas\"", result.ToJson(), StringComparison.Ordinal);
        Assert.Equal(before, LeftoverScripts()); // the temporary copy of the script is removed
    }

    [Fact]
    public async Task Bench_command_prints_the_ratio_and_writes_json_and_a_missing_script_is_named()
    {
        var folder = TinyExport();
        var outFile = Path.Combine(RepoPaths.NewTempDirectory(), "ingest.json");
        var output = new StringWriter();

        var code = await CollabCli.InvokeAsync(["indigo", "bench", "--data", folder, "--iterations", "1", "--warmup", "0", "--out", outFile], output, new StringWriter(), TestContext.Current.CancellationToken);

        Assert.True(code == 0, output.ToString());
        Assert.Contains("ratio (ours / pandas, wall-clock medians):", output.ToString(), StringComparison.Ordinal);
        using (var doc = JsonDocument.Parse(await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken)))
        {
            Assert.Equal(4, doc.RootElement.GetProperty("pandas").GetProperty("rows").GetInt32());
            Assert.True(doc.RootElement.GetProperty("ratio_ours_over_pandas").GetDouble() > 0);
        }

        var errors = new StringWriter();
        var missing = Path.Combine(folder, "no-such-script.py");
        code = await CollabCli.InvokeAsync(["indigo", "bench", "--data", folder, "--iterations", "1", "--pandas-script", missing], new StringWriter(), errors, TestContext.Current.CancellationToken);
        Assert.NotEqual(0, code);
        Assert.Contains(missing, errors.ToString(), StringComparison.Ordinal);
    }
}
