using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Extraction.Tests;

public class BenchExtractCommandTests
{
    [Fact]
    public async Task Bench_extract_runs_at_a_tiny_size_and_agrees_with_cast()
    {
        var ct = TestContext.Current.CancellationToken;
        RepoPaths.NodeTool("cast");
        await using var anvil = await TestAnvil.StartAsync(ct);
        var file = Path.Combine(RepoPaths.NewTempDirectory(), "bench.json");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["bench", "extract", "--rpc", anvil.Url, "--events", "1500", "--per-tx", "500", "--repeat", "1", "--out", file], output, error, ct);
        Assert.True(code == 0, output + "\n" + error);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct));
        var root = doc.RootElement;
        Assert.Equal(1500, root.GetProperty("our_logs").GetInt64());
        Assert.Equal(1500, root.GetProperty("cast_logs").GetInt64());
        Assert.True(root.GetProperty("values_equal").GetBoolean());
        Assert.True(root.GetProperty("ours_best_logs_per_second").GetDouble() > 0 && root.GetProperty("cast_best_logs_per_second").GetDouble() > 0);
        Assert.True(root.GetProperty("bare_get_logs_best_seconds").GetDouble() > 0 && root.GetProperty("wall_time_ratio_to_bare_get_logs").GetDouble() > 0);
        Assert.True(root.GetProperty("nethereum_client_logs_per_second").GetDouble() > 0);
        var tools = root.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("tool").GetString()).ToList();
        Assert.Equal(["eth_getLogs (bare)", "cast logs", "collab", "collab+tables", "collab via Nethereum RpcClient"], tools);
    }
}
