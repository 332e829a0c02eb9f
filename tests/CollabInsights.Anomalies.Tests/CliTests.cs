using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Anomalies.Tests;

public class CliTests
{
    [Fact]
    public async Task Anomalies_json_has_a_flags_array_with_located_explained_flags()
    {
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["anomalies", "--data", RepoPaths.IndigoData, "--json"], output, new StringWriter(), TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
        var flags = doc.RootElement.GetProperty("flags");
        Assert.True(flags.GetArrayLength() > 0);
        foreach (var f in flags.EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(f.GetProperty("kind").GetString()));
            Assert.InRange(f.GetProperty("score").GetDouble(), 0, 1);
            Assert.False(string.IsNullOrEmpty(f.GetProperty("reason").GetString()));
            Assert.True(f.GetProperty("file").ValueKind == JsonValueKind.String ? f.GetProperty("row").GetInt32() >= 1 : f.GetProperty("tx").ValueKind == JsonValueKind.String);
            Assert.True(f.TryGetProperty("project", out _) && f.TryGetProperty("log_index", out _));
        }

        Assert.Contains(flags.EnumerateArray(), f => f.GetProperty("kind").GetString() == "ml_outlier");
    }

    [Fact]
    public async Task Reconcile_prints_counts_per_class_as_json()
    {
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["reconcile", "--offchain", RepoPaths.IndigoData, "--onchain", RepoPaths.IndigoData, "--json"], output, new StringWriter(), TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
        var counts = doc.RootElement.GetProperty("counts");
        Assert.True(counts.GetProperty("matched").GetInt64() > 500);
        Assert.Equal(0, counts.GetProperty("only_on_chain").GetInt64());
        Assert.Equal(0, doc.RootElement.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Anomalies_without_data_fails_with_a_fix()
    {
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["anomalies"], new StringWriter(), error, TestContext.Current.CancellationToken);
        Assert.NotEqual(0, code);
        Assert.Contains("--data", error.ToString(), StringComparison.Ordinal);
    }
}
