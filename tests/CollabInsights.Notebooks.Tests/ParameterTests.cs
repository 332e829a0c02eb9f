using CollabInsights.Notebooks.Documents;
using CollabInsights.Notebooks.Execution;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

public sealed class ParameterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NotebookDocument Notebook(string parameters, string body)
    {
        var doc = new NotebookDocument();
        var p = new NotebookCell(CellKind.Code, parameters, "params");
        p.AddTag(NotebookParameters.ParametersTag);
        doc.Cells.Add(new NotebookCell(CellKind.Markdown, "# T", "md"));
        doc.Cells.Add(p);
        doc.Cells.Add(new NotebookCell(CellKind.Code, body, "body"));
        return doc;
    }

    public static TheoryData<string> HostileStrings => new()
    {
        "\"; System.IO.File.Delete(\"CANARY\"); //",
        "\"\"\"; System.IO.File.Delete(\"CANARY\"); \"\"\"",
        "line1\nline2\r\n\"; System.IO.File.Delete(\"CANARY\");\n//",
        "back\\slash \\\" {0} $\"{System.IO.File.Delete(\"CANARY\")}\" \u2028 \0 end",
        "*/ System.IO.File.Delete(\"CANARY\"); /*",
    };

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task Hostile_string_parameter_arrives_verbatim_and_cannot_inject_code(string hostile)
    {
        var dir = RepoPaths.NewTempDirectory();
        var canary = Path.Combine(dir, "CANARY");
        await File.WriteAllTextAsync(canary, "alive", Ct);
        var doc = Notebook("string label = \"safe\";", "label");
        var result = await NotebookRunner.RunAsync(doc, new NotebookRunOptions { Parameters = [new("label", hostile)], WorkingDirectory = dir }, Ct);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Error.Value)));
        Assert.True(File.Exists(canary), "the parameter ran code");
        var injected = result.Notebook.Cells[2];
        Assert.True(injected.HasTag(NotebookParameters.InjectedTag));
        Assert.Equal("injected-parameters", injected.Id);
        Assert.Equal(hostile, NotebookOutputs.GetData(result.Notebook.Cells[3].Outputs.Single(), "text/plain"));
        // The injected cell is one declaration per parameter: the literal did not break out.
        Assert.Equal(2, injected.Source.Split('\n').Length);
    }

    [Fact]
    public async Task Parameters_take_the_type_of_their_default()
    {
        var doc = Notebook("int year = 2020;\nvar rate = 0.5;\ndecimal cap = 10m;\nbool strict = false;\nlong big = 1;", "$\"{year + 1} {rate * 2} {cap / 4} {!strict} {big.GetType().Name} {unknown}\"");
        var result = await NotebookRunner.RunAsync(doc, new NotebookRunOptions
        {
            Parameters = [new("year", "2024"), new("rate", "1.25"), new("cap", "100.5"), new("strict", "true"), new("big", "5000000000"), new("unknown", "text")],
        }, Ct);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Error.Value)));
        Assert.Equal("2025 2.5 25.125 False Int64 text", NotebookOutputs.GetData(result.Notebook.Cells[3].Outputs.Single(), "text/plain"));
        Assert.Contains("decimal cap = 100.5m;", result.Notebook.Cells[2].Source, StringComparison.Ordinal);

        // "unknown" is not declared: it still arrives, with one warning naming it and what the cell declares.
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("'unknown' is not declared", warning, StringComparison.Ordinal);
        Assert.Contains("big, cap, rate, strict, year", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_for_a_notebook_without_a_parameters_cell_warn_once_and_declared_ones_do_not()
    {
        var bare = new NotebookDocument();
        bare.Cells.Add(new NotebookCell(CellKind.Code, "1", "one"));
        Assert.Contains("no code cell tagged 'parameters'", Assert.Single(NotebookParameters.Warnings(bare, [new("a", "1"), new("b", "2")])), StringComparison.Ordinal);
        Assert.Empty(NotebookParameters.Warnings(Notebook("int a = 1; string b = \"\";", "a"), [new("a", "2"), new("b", "x")]));
        Assert.Empty(NotebookParameters.Warnings(bare, []));
    }

    [Theory]
    [InlineData("x; File.Delete(\"a\")", "1")]
    [InlineData("class", "1")]
    [InlineData("a b", "1")]
    public void Parameter_name_that_is_not_an_identifier_is_refused(string name, string value)
    {
        var e = Assert.Throws<CollabInsightsException>(() => NotebookParameters.Inject(Notebook("int a = 1;", "a"), [new(name, value)]));
        Assert.Contains("not a C# identifier", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_that_does_not_fit_the_declared_type_is_refused()
    {
        var e = Assert.Throws<CollabInsightsException>(() => NotebookParameters.Inject(Notebook("int year = 1;", "year"), [new("year", "2024); File.Delete(\"x\"")]));
        Assert.Contains("not a valid int", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Notebook_without_parameters_cell_gets_the_injected_cell_first_and_rerun_replaces_it()
    {
        var doc = new NotebookDocument();
        doc.Cells.Add(new NotebookCell(CellKind.Code, "1", "only"));
        NotebookParameters.Inject(doc, [new("a", "1")]);
        NotebookParameters.Inject(doc, [new("a", "2")]);
        Assert.Equal(2, doc.Cells.Count);
        Assert.Contains("int a = 2;", doc.Cells[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Assignment_parses_name_and_keeps_equals_signs_in_the_value()
    {
        var (name, value) = NotebookParameters.ParseAssignment("q=a=b");
        Assert.Equal(("q", "a=b"), (name, value));
        Assert.Throws<CollabInsightsException>(() => NotebookParameters.ParseAssignment("novalue"));
    }
}
