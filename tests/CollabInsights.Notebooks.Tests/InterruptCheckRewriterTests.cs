using CollabInsights.Notebooks.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CollabInsights.Notebooks.Tests;

public sealed class InterruptCheckRewriterTests
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    [Fact]
    public void Every_loop_kind_including_nested_ones_and_bodies_without_braces_gets_one_check()
    {
        const string code = """
            var total = 0;
            for (var i = 0; i < 3; i++)
                foreach (var (a, b) in new[] { (1, 2) })
                    total += a + b;
            while (total < 0) { total++; }
            do total--; while (total > 100);
            Func<int> f = () => { foreach (var x in new[] { 1 }) { return x; } return 0; };
            total
            """;
        var rewritten = InterruptCheckRewriter.Rewrite(code, Script);

        Assert.Equal(5, Count(rewritten, "ScriptInterrupt.Check();"));
        Assert.Equal(code.Split('\n').Length, rewritten.Split('\n').Length); // error line numbers stay the cell's
        var ct = TestContext.Current.CancellationToken;
        Assert.Empty(CSharpSyntaxTree.ParseText(rewritten, Script, cancellationToken: ct).GetDiagnostics(ct));
    }

    [Fact]
    public void Code_without_loops_is_returned_unchanged()
    {
        const string code = "var x = 1; // while (true) in a comment\nx + 1";
        Assert.Same(code, InterruptCheckRewriter.Rewrite(code, Script));
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
