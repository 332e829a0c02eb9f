using CollabInsights.Cli;

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

    [Fact]
    public async Task Unknown_command_fails_with_non_zero_exit()
    {
        var code = await CollabCli.InvokeAsync(["no-such-command"], new StringWriter(), new StringWriter(), TestContext.Current.CancellationToken);
        Assert.NotEqual(0, code);
    }
}
