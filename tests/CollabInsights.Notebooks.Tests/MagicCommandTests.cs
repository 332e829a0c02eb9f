using CollabInsights.Notebooks.Execution;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

/// <summary>.NET Interactive's magic commands and cell languages, as its documentation describes them, in one C# session.</summary>
public sealed class MagicCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Html_markdown_and_javascript_parts_display_in_their_mime_types_between_csharp_parts()
    {
        using var session = new CSharpSession();
        var result = await session.ExecuteCellAsync("var n = 2;\n#!html\n<b>bold</b>\n#!markdown\n# Title\n#!js\nconsole.log(1);\n#!c#\nn * 21", cancellationToken: Ct);
        Assert.True(result.Succeeded, result.Error?.Value);
        var bundles = result.Outputs.Select(o => o switch { DisplayDataOutput d => d.Data, ExecuteResultOutput r => r.Data, _ => throw new InvalidOperationException(o.ToString()) }).ToList();
        Assert.Equal(4, bundles.Count);
        Assert.Equal("<b>bold</b>", bundles[0].Html);
        Assert.Equal("# Title", bundles[1].Data["text/markdown"]);
        Assert.Contains("<h1", bundles[1].Html, StringComparison.Ordinal);
        Assert.Equal("<script type=\"text/javascript\">console.log(1);</script>", bundles[2].Html);
        Assert.Equal("42", bundles[3].PlainText);
        Assert.Equal(1, result.ExecutionCount); // one count per cell, however many parts
    }

    [Fact]
    public async Task A_cell_whose_polyglot_kernel_is_html_is_shown_as_html()
    {
        using var session = new CSharpSession();
        var result = await session.ExecuteCellAsync("<p>from metadata</p>", "html", cancellationToken: Ct);
        Assert.Equal("<p>from metadata</p>", Assert.IsType<DisplayDataOutput>(Assert.Single(result.Outputs)).Data.Html);
    }

    [Fact]
    public async Task Time_who_whos_set_value_and_share_work_for_one_language()
    {
        using var session = new CSharpSession();
        var first = await session.ExecuteCellAsync("#!time\nvar items = new List<int> { 1, 2 };\nvar label = \"x\";", cancellationToken: Ct);
        Assert.True(first.Succeeded, first.Error?.Value);
        Assert.Matches(@"^Wall time: \d+\.\d\dms$", Assert.IsType<DisplayDataOutput>(Assert.Single(first.Outputs)).Data.PlainText);

        var who = await session.ExecuteCellAsync("#!who", cancellationToken: Ct);
        Assert.Equal("Variables: items, label", Assert.IsType<DisplayDataOutput>(Assert.Single(who.Outputs)).Data.PlainText);
        var whos = await session.ExecuteCellAsync("#!whos", cancellationToken: Ct);
        var table = Assert.IsType<DisplayDataOutput>(Assert.Single(whos.Outputs)).Data.Html!;
        Assert.Contains("<td>List&lt;Int32&gt;</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td>items</td>", table, StringComparison.Ordinal);

        var set = await session.ExecuteCellAsync("#!set --name year --value 2024\n#!set --name copy --value @csharp:label\nyear + copy", cancellationToken: Ct);
        Assert.True(set.Succeeded, set.Error?.Value);
        Assert.Equal("2024x", Assert.IsType<ExecuteResultOutput>(Assert.Single(set.Outputs)).Data.PlainText);

        var value = await session.ExecuteCellAsync("#!value --name csv --mime-type text/csv\na,b\n1,2", cancellationToken: Ct);
        Assert.True(value.Succeeded, value.Error?.Value);
        Assert.Equal("a,b\n1,2", Assert.IsType<DisplayDataOutput>(Assert.Single(value.Outputs)).Data.Data["text/csv"]);
        var shared = await session.ExecuteCellAsync("#!share --from value csv\ncsv.Split('\\n').Length", cancellationToken: Ct);
        Assert.Equal("2", Assert.IsType<ExecuteResultOutput>(Assert.Single(shared.Outputs)).Data.PlainText);

        var other = await session.ExecuteCellAsync("#!share --from fsharp x", "csharp", "cell 9", cancellationToken: Ct);
        Assert.Contains("cell 9, line 1", other.Error!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task About_lsmagic_package_sources_and_load_are_accepted()
    {
        var dir = RepoPaths.NewTempDirectory();
        await File.WriteAllTextAsync(Path.Combine(dir, "helpers.csx"), "int Triple(int x) => 3 * x;", Ct);
        using var session = new CSharpSession(new CSharpSessionOptions { WorkingDirectory = dir });
        var result = await session.ExecuteCellAsync("#!about\n#!lsmagic\n#i \"nuget: https://example.invalid/feed\"\n#load \"helpers.csx\"\nTriple(14)", cancellationToken: Ct);
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Contains("C# (CollabInsights)", ((DisplayDataOutput)result.Outputs[0]).Data.PlainText, StringComparison.Ordinal);
        Assert.Contains("#!whos", ((DisplayDataOutput)result.Outputs[1]).Data.Html, StringComparison.Ordinal);
        Assert.Contains("no-op", ((StreamOutput)result.Outputs[2]).Text, StringComparison.Ordinal);
        Assert.Equal("42", ((ExecuteResultOutput)result.Outputs[3]).Data.PlainText);
    }

    [Fact]
    public async Task A_missing_nuget_package_says_how_to_add_it()
    {
        using var session = new CSharpSession(new CSharpSessionOptions { NuGetPackageRoot = RepoPaths.NewTempDirectory() });
        var result = await session.ExecuteCellAsync("#r \"nuget: No.Such.Package, 9.9.9\"\n1", "csharp", "cell 3", cancellationToken: Ct);
        Assert.Contains("cell 3, line 1: package No.Such.Package 9.9.9 is not in the local NuGet folder", result.Error!.Value, StringComparison.Ordinal);
        Assert.Contains("dotnet add <any project> package No.Such.Package --version 9.9.9", result.Error.Value, StringComparison.Ordinal);
    }
}
