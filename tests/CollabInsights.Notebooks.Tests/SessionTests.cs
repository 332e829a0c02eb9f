using CollabInsights.Notebooks.Execution;

namespace CollabInsights.Notebooks.Tests;

public sealed class SessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Variables_defined_in_one_cell_are_visible_in_the_next()
    {
        using var session = new CSharpSession();
        var first = await session.ExecuteAsync("var x = 40; Console.WriteLine(\"hi\");", cancellationToken: Ct);
        Assert.True(first.Succeeded, first.Error?.Value);
        var second = await session.ExecuteAsync("x + 2", cancellationToken: Ct);
        Assert.True(second.Succeeded, second.Error?.Value);
        var result = Assert.IsType<ExecuteResultOutput>(Assert.Single(second.Outputs));
        Assert.Equal("42", result.Data.PlainText);
        Assert.Equal(2, result.ExecutionCount);
        var stream = Assert.IsType<StreamOutput>(Assert.Single(first.Outputs));
        Assert.Equal("stdout", stream.Name);
        Assert.Equal("hi\n", stream.Text);
    }
}
