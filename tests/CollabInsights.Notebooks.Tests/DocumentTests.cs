using System.Text.Json.Nodes;
using CollabInsights.Notebooks.Documents;
using CollabInsights.Notebooks.Execution;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

public sealed class DocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Minimal = """
        {
         "cells": [
          {"cell_type": "markdown", "id": "md-1", "metadata": {"custom": {"a": 1}}, "source": ["![x](attachment:dot.png)\n"],
           "attachments": {"dot.png": {"image/png": "iVBORw0KGgo="}}},
          {"cell_type": "code", "id": "code-1", "metadata": {"tags": ["keep"], "other": true}, "execution_count": 7,
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["a\n", "b\n"]}], "source": "1 + 1"}
         ],
         "metadata": {"unknown_tool": {"setting": [1, 2]}, "kernelspec": {"name": "x", "display_name": "X", "language": "csharp"}},
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    [Fact]
    public void Round_trip_keeps_unknown_metadata_cell_ids_attachments_and_outputs()
    {
        var doc = NotebookDocument.Parse(Minimal);
        var again = NotebookDocument.Parse(doc.ToJson());
        Assert.Equal(new[] { "md-1", "code-1" }, again.Cells.Select(c => c.Id));
        Assert.Equal("[1,2]", again.Metadata["unknown_tool"]!["setting"]!.ToJsonString());
        Assert.Equal(1, again.Cells[0].Metadata["custom"]!["a"]!.GetValue<int>());
        Assert.Equal("iVBORw0KGgo=", again.Cells[0].Attachments!["dot.png"]!["image/png"]!.GetValue<string>());
        Assert.Equal("a\nb\n", NotebookDocument.ReadMultiline(again.Cells[1].Outputs[0]["text"]));
        Assert.Equal(7, again.Cells[1].ExecutionCount);
        Assert.True(again.Cells[1].HasTag("keep"));
        Assert.Equal("1 + 1", again.Cells[1].Source);
        Assert.Equal(doc.ToJson(), again.ToJson());
    }

    [Fact]
    public void Cells_without_ids_get_deterministic_unique_ids_in_nbformat_4_5()
    {
        var doc = new NotebookDocument();
        doc.Cells.Add(new NotebookCell(CellKind.Code, "1"));
        doc.Cells.Add(new NotebookCell(CellKind.Code, "1"));
        doc.EnsureCellIds();
        var ids = doc.Cells.Select(c => c.Id).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        var other = new NotebookDocument();
        other.Cells.Add(new NotebookCell(CellKind.Code, "1"));
        other.Cells.Add(new NotebookCell(CellKind.Code, "1"));
        other.EnsureCellIds();
        Assert.Equal(ids, other.Cells.Select(c => c.Id).ToList());
    }

    [Fact]
    public void Not_a_notebook_gives_an_error_naming_the_file()
    {
        var e = Assert.Throws<CollabInsightsException>(() => NotebookDocument.Parse("{\"cells\": []}", "data.json"));
        Assert.Contains("data.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executed_notebook_validates_with_nbformat()
    {
        ExternalTools.RequirePython("nbformat", "python3-nbformat");
        var dir = RepoPaths.NewTempDirectory();
        var result = await NotebookRunner.RunFileAsync(ExternalTools.TestFile("Notebooks", "smoke.ipynb"), new NotebookRunOptions { Parameters = [new("count", "4")] }, Ct);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Error.Value)));
        var path = Path.Combine(dir, "executed.ipynb");
        result.Notebook.Save(path);
        var polyglot = NotebookDocument.Load(ExternalTools.TestFile("Notebooks", "polyglot.ipynb"));
        var polyPath = Path.Combine(dir, "polyglot.ipynb");
        (await NotebookRunner.RunAsync(polyglot, new NotebookRunOptions { AllowErrors = true }, Ct)).Notebook.Save(polyPath);
        foreach (var file in new[] { path, polyPath, })
        {
            var check = ExternalTools.Run(ExternalTools.Python, ["-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')", file], TimeSpan.FromSeconds(60));
            Assert.True(check.ExitCode == 0 && check.Output.Contains("valid", StringComparison.Ordinal), $"{file}: {check.Error}");
        }

        // Unknown notebook metadata survives the run.
        Assert.Contains("custom_tool", await File.ReadAllTextAsync(path, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polyglot_saved_notebook_runs_its_csharp_cells_and_names_the_fsharp_cell()
    {
        var polyglot = NotebookDocument.Load(ExternalTools.TestFile("Notebooks", "polyglot.ipynb"));
        var result = await NotebookRunner.RunAsync(polyglot, new NotebookRunOptions { AllowErrors = true }, Ct);
        var cells = result.Notebook.Cells;
        Assert.Equal("hello from polyglot\n", NotebookDocument.ReadMultiline(cells[1].Outputs.Single()["text"]));
        Assert.Equal("19", NotebookOutputs.GetData(cells[2].Outputs.Single(), "text/plain"));
        var failure = Assert.Single(result.Failures);
        Assert.Equal(4, failure.Cell);
        Assert.Contains("cell 4", failure.Error.Value, StringComparison.Ordinal);
        Assert.Contains("fsharp", failure.Error.Value, StringComparison.Ordinal);
        Assert.Equal("error", cells[3].Outputs.Single()["output_type"]!.GetValue<string>());
    }

    [Fact]
    public void Magic_for_another_language_inside_a_cell_is_refused_with_its_line()
    {
        var doc = NotebookDocument.Parse(Minimal);
        doc.Cells[1].Source = "var a = 1;\n#!pwsh\nGet-Date";
        var e = Assert.Throws<CollabInsightsException>(() => Internal.CellSource.GetCSharp(doc, doc.Cells[1], 1));
        Assert.Contains("cell 2 (id code-1), line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("pwsh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_magic_is_refused_naming_the_cell_line_and_what_is_supported()
    {
        var e = Assert.Throws<CollabInsightsException>(() => Internal.CellSource.Parse("var a = 1;\n#!frobnicate", "csharp", "cell 7"));
        Assert.Contains("cell 7, line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("'#!frobnicate'", e.Message, StringComparison.Ordinal);
        Assert.Contains("#!html", e.Message, StringComparison.Ordinal);
        Assert.Contains("#!whos", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csharp_magic_line_is_removed_keeping_line_numbers()
    {
        var code = Internal.CellSource.Strip("#!csharp\nvar a = 1;", "csharp", "cell 1");
        Assert.Equal("\nvar a = 1;", code);
    }

    [Fact]
    public void Outputs_convert_to_nbformat_json()
    {
        var json = NotebookOutputs.ToJson(new ErrorOutput("E", "v", ["t1", "t2"]));
        Assert.Equal("error", json["output_type"]!.GetValue<string>());
        Assert.Equal(2, ((JsonArray)json["traceback"]!).Count);
    }
}
