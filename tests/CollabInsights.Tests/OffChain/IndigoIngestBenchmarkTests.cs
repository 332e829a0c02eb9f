using CollabInsights.OffChain;

namespace CollabInsights.Tests.OffChain;

public class IndigoIngestBenchmarkTests
{
    [Fact]
    public async Task Benchmark_runs_both_sides_on_a_tiny_export()
    {
        var folder = MiniExport.Basic().Payment((IndigoLayout.PaymentColumns.Currency, "GBP"), (IndigoLayout.PaymentColumns.Amount, "10")).Write();
        Assert.True(File.Exists(DebianPython.Interpreter), "/usr/bin/python3 is missing: apt-get install python3 python3-pandas");

        var result = await IndigoIngestBenchmark.RunAsync(
            folder,
            new IndigoIngestBenchmarkOptions { Iterations = 2, WarmupIterations = 1, PandasScript = DebianPython.Script("pandas_bench.py") },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.OursTimesMs.Count);
        Assert.Equal(2, result.PandasTimesMs.Count);
        Assert.True(result.OursMedianMs > 0 && result.PandasMedianMs > 0);
        Assert.Equal(4, result.OurRecords);
        Assert.Equal(4, result.PandasRows);
        Assert.Contains("\"ratio_ours_over_pandas\"", result.ToJson(), StringComparison.Ordinal);
    }
}
