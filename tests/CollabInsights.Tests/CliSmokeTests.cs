using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests;

public class CliSmokeTests
{
    [Fact]
    public async Task About_prints_the_runtime_version()
    {
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["about"], output, new StringWriter(), TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        Assert.Contains(Environment.Version.ToString(), output.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string[]> MissingInputs => new()
    {
        { ["indigo", "summary", "--data", "MISSING"] },
        { ["link", "--data", "MISSING", "--out", "OUT"] },
        { ["reconcile", "--offchain", "SCENARIO", "--onchain", "MISSING"] },
        { ["reconcile", "--offchain", "MISSING", "--onchain", "SCENARIO"] },
        { ["chain", "seed", "--scenario", "MISSING", "--rpc", "http://127.0.0.1:9"] },
    };

    [Theory]
    [MemberData(nameof(MissingInputs))]
    public async Task A_missing_input_path_exits_2_with_an_error_line_naming_it(string[] template)
    {
        var ct = TestContext.Current.CancellationToken;
        var root = RepoPaths.NewTempDirectory();
        var missing = Path.Combine(root, "no-such-input");
        var scenario = Path.Combine(root, "scenario");
        await CollabInsights.Scenarios.ScenarioGenerator.WriteAsync(CollabInsights.Scenarios.ScenarioOptions.Default with { Projects = 1 }, scenario, ct);
        var args = template.Select(a => a switch { "MISSING" => missing, "SCENARIO" => scenario, "OUT" => Path.Combine(root, "out"), _ => a }).ToArray();
        var error = new StringWriter();

        var code = await CollabCli.InvokeAsync(args, new StringWriter(), error, ct);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(missing, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_cannot_be_reached_exits_3_with_an_error_line_naming_it()
    {
        string[] template = ["chain", "seed", "--scenario", "SCENARIO", "--rpc", "URL"];
        var ct = TestContext.Current.CancellationToken;
        var root = RepoPaths.NewTempDirectory();
        var scenario = Path.Combine(root, "scenario");
        await CollabInsights.Scenarios.ScenarioGenerator.WriteAsync(CollabInsights.Scenarios.ScenarioOptions.Default with { Projects = 1 }, scenario, ct);
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)closed.LocalEndpoint).Port}";
        closed.Stop(); // nothing listens on this port now
        var args = template.Select(a => a switch { "SCENARIO" => scenario, "URL" => url, _ => a }).ToArray();
        var error = new StringWriter();

        var code = await CollabCli.InvokeAsync(args, new StringWriter(), error, ct);

        Assert.Equal(3, code);
        Assert.StartsWith("error: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Immediate_progress_reports_on_the_calling_thread_before_report_returns()
    {
        var seen = new List<(int Value, int Thread)>();
        var progress = CollabInsights.Cli.Commands.CliCommand.Immediate<int>(v => seen.Add((v, Environment.CurrentManagedThreadId)));
        for (var i = 0; i < 100; i++)
        {
            progress.Report(i);
            Assert.Equal(i + 1, seen.Count); // Progress<T> would post to the thread pool and could still be pending here
        }

        Assert.Equal(Enumerable.Range(0, 100), seen.Select(s => s.Value));
        Assert.All(seen, s => Assert.Equal(Environment.CurrentManagedThreadId, s.Thread));
    }

    [Fact]
    public async Task Unknown_command_fails_with_non_zero_exit()
    {
        var code = await CollabCli.InvokeAsync(["no-such-command"], new StringWriter(), new StringWriter(), TestContext.Current.CancellationToken);
        Assert.NotEqual(0, code);
    }
}
