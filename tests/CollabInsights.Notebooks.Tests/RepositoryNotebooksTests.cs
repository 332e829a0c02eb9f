using System.Text.Json.Nodes;
using CollabInsights.Cli;
using CollabInsights.Notebooks.Documents;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

/// <summary>
/// Every notebook in the repository's notebooks/ folder runs top to bottom, both headlessly with
/// <c>collab notebook run</c> and through a real Jupyter client (<c>jupyter nbconvert --execute</c>) with our
/// kernel, without an error output, and the executed notebook validates with nbformat.
/// </summary>
public sealed class RepositoryNotebooksTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepoPaths.Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Fact]
    public void The_repository_has_its_four_analysis_notebooks()
    {
        var names = Directory.GetFiles(Path.Combine(RepoPaths.Root, "notebooks"), "*.ipynb").Select(Path.GetFileName).ToList();
        Assert.Contains("01-funding-to-outcomes.ipynb", names);
        Assert.Contains("02-on-chain-records.ipynb", names);
        Assert.Contains("03-reconciliation-and-anomalies.ipynb", names);
        Assert.Contains("04-blockchain-fit.ipynb", names);
        Assert.Contains("05-real-indigo-end-to-end.ipynb", names);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_headless_and_with_nbconvert_without_errors(string name)
    {
        var source = Path.Combine(RepoPaths.Root, "notebooks", name);
        var dir = RepoPaths.NewTempDirectory("collab-repo-nb");
        var executed = Path.Combine(dir, "by-collab.ipynb");
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["notebook", "run", source, "--out", executed, "--html", Path.Combine(dir, "report.html"), "--timeout", "600"], output, output, Ct);
        Assert.True(code == 0, $"collab notebook run {name} failed:\n{output}");
        AssertRanClean(NotebookDocument.Load(executed), name);
        Assert.True(new FileInfo(Path.Combine(dir, "report.html")).Length > 1000);

        ExternalTools.Require(ExternalTools.Jupyter, "apt-get install jupyter-nbconvert python3-nbclient");
        ExternalTools.RequirePython("nbclient", "jupyter-nbconvert python3-nbclient");
        var jupyterPath = await ExternalTools.InstallKernelAsync(Ct);
        // Executed in place (the kernel's working folder is notebooks/, as when a user opens it), written to the temp folder.
        var run = ExternalTools.Run(ExternalTools.Jupyter,
            ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=collab-csharp", "--ExecutePreprocessor.timeout=600", "--output-dir", dir, "--output", "by-jupyter.ipynb", source],
            TimeSpan.FromMinutes(12), new Dictionary<string, string> { ["JUPYTER_PATH"] = jupyterPath }, dir);
        Assert.True(run.ExitCode == 0, $"nbconvert {name} failed:\n{run.Output}\n{run.Error}");
        var byJupyter = NotebookDocument.Load(Path.Combine(dir, "by-jupyter.ipynb"));
        AssertRanClean(byJupyter, name);

        // Warnings are errors: nbformat only warns about a cell without an id, which later versions reject.
        var validate = ExternalTools.Run("/usr/bin/python3",
            ["-W", "error", "-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')", executed],
            TimeSpan.FromMinutes(1));
        Assert.True(validate.ExitCode == 0 && validate.Output.Contains("valid", StringComparison.Ordinal), validate.Output + validate.Error);
    }

    // What a notebook must say when its analysis worked, beyond running without errors.
    private static readonly Dictionary<string, string[]> Conclusions = new(StringComparer.Ordinal)
    {
        ["01-funding-to-outcomes.ipynb"] = ["Every actual payment is linked to a funder: paid per currency in the links equals the books ("],
        ["02-on-chain-records.ipynb"] = ["Every difference found is one planted on purpose, each in its class"],
        ["03-reconciliation-and-anomalies.ipynb"] = ["the rules find every labelled anomaly of the kinds they check, and rules + ML.NET rank them above the clean payments with ROC AUC of at least 0.95"],
        ["04-blockchain-fit.ipynb"] = ["Tampering with one stored record, changed directly in storage: the plain tables did not notice it; the hash-chained tables and the chain did ("],
        // The real export written exactly on chain and read back: no difference, every record matched or listed with its reason,
        // anomaly flags apart from data quality (each sentence is written only when the run's results say so).
        ["05-real-indigo-end-to-end.ipynb"] =
        [
            "The books and the chain agree: 0 differences.",
            "Every record of the books is accounted for:",
            "values the loader could not use",
            "Paid in the books, per currency:** GBP ",
        ],
        ["06-reproduce-golab-landscape.ipynb"] = ["Method reproduced: each published median is found in the snapshot as the mean of two adjacent"],
        ["08-verifiable-health-outcomes.ipynb"] = ["All checks hold: every sampled paid outcome is proven, the correction is recorded on chain and supersedes the original, and the erased record answers 'erased'."],
        ["07-carbon-zombie-credits.ipynb"] = ["Our total equals the published CarbonPlan total of 21,654,642 t"],
    };

    private static void AssertRanClean(NotebookDocument doc, string name)
    {
        var text = string.Join("\n", doc.Cells.SelectMany(c => c.Outputs).SelectMany(o => (o?["data"] as JsonObject)?.Select(kv => Text(kv.Value)) ?? [Text(o?["text"])]));
        foreach (var conclusion in Conclusions.GetValueOrDefault(name) ?? [])
        {
            Assert.True(text.Contains(conclusion, StringComparison.Ordinal), $"{name} does not say \"{conclusion}\"");
        }

        var code = doc.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        Assert.NotEmpty(code);
        foreach (var cell in code)
        {
            Assert.True(cell.ExecutionCount is not null, $"{name}: cell {cell.Id} did not run");
            foreach (JsonNode? output in cell.Outputs)
            {
                Assert.True(output?["output_type"]?.GetValue<string>() != "error", $"{name}: cell {cell.Id} failed: {output?.ToJsonString()}");
            }
        }

        Assert.Contains(code, c => c.Outputs.Count > 0);
    }

    /// <summary>One representation of an output as text: nbformat stores it as one string or as an array of lines.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonNode other => other.ToJsonString(),
        _ => string.Empty,
    };
}
