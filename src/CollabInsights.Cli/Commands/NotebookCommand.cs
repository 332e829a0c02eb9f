using System.CommandLine;
using System.Globalization;
using CollabInsights.Notebooks.Documents;
using CollabInsights.Notebooks.Execution;
using CollabInsights.Notebooks.Reporting;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab notebook run|convert|bench</c>: headless notebook execution, .dib conversion and the benchmark.</summary>
internal static class NotebookCommand
{
    public static Command Create()
    {
        var command = new Command("notebook", "Run C# notebooks headlessly (the same engine as the Jupyter kernel).");
        command.Subcommands.Add(CreateRun());
        command.Subcommands.Add(NotebookConvertCommand.Create());
        command.Subcommands.Add(NotebookBenchCommand.Create());
        return command;
    }

    private static Command CreateRun()
    {
        var path = new Argument<string>("notebook") { Description = "A .ipynb or .dib file, or a folder: all its notebooks run in name order." };
        var outOption = new Option<string?>("--out") { Description = "Where to write the executed notebook (a folder when running a folder)." };
        var htmlOption = new Option<string?>("--html") { Description = "Where to write the self-contained HTML report (a folder when running a folder)." };
        var paramOption = new Option<string[]>("--param", "-p") { Description = "Parameter name=value injected after the cell tagged 'parameters' (repeatable).", AllowMultipleArgumentsPerToken = false };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Keep running after a failing cell (the exit code still reports the failure)." };
        var timeout = new Option<double?>("--timeout") { Description = "Per-cell time limit in seconds, counted once the cell has compiled (default: none)." };
        var command = new Command("run", "Execute notebooks top to bottom; write the executed .ipynb and an offline HTML report; exit 1 if a cell failed.")
        {
            path, outOption, htmlOption, paramOption, allowErrors, timeout,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var input = parseResult.GetValue(path)!;
            var parameters = (parseResult.GetValue(paramOption) ?? []).Select(NotebookParameters.ParseAssignment).ToList();
            var seconds = parseResult.GetValue(timeout);
            var options = new NotebookRunOptions
            {
                Parameters = parameters,
                AllowErrors = parseResult.GetValue(allowErrors),
                CellTimeout = seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null,
            };
            return await RunAsync(input, parseResult.GetValue(outOption), parseResult.GetValue(htmlOption), options, parseResult.InvocationConfiguration.Output, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs one notebook or every notebook of a folder; returns the exit code (0 ok, 1 a cell failed).</summary>
    internal static async Task<int> RunAsync(string input, string? outPath, string? htmlPath, NotebookRunOptions options, TextWriter output, CancellationToken ct)
    {
        var isDirectory = Directory.Exists(input);
        var notebooks = isDirectory
            ? Directory.GetFiles(input, "*.ipynb").Concat(Directory.GetFiles(input, "*" + DibConverter.Extension)).Where(f => !f.Contains(".ipynb_checkpoints", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray()
            : File.Exists(input) ? [input] : throw new CollabInsightsException($"Notebook {input} was not found. Give a .ipynb or .dib file or a folder of notebooks.");
        if (notebooks.Length == 0)
        {
            throw new CollabInsightsException($"No .ipynb or .dib files in {input}.");
        }

        var failed = 0;
        foreach (var notebook in notebooks)
        {
            var name = Path.GetFileNameWithoutExtension(notebook);
            await output.WriteLineAsync($"Running {notebook}").ConfigureAwait(false);
            var result = await NotebookRunner.RunFileAsync(notebook, options with { Progress = new Progress<string>(_ => { }) }, ct).ConfigureAwait(false);
            var outFile = outPath is null ? null : isDirectory ? Path.Combine(outPath, name + ".ipynb") : outPath;
            var htmlFile = htmlPath is null ? null : isDirectory ? Path.Combine(htmlPath, name + ".html") : htmlPath;
            if (outFile is not null)
            {
                DibConverter.Save(result.Notebook, outFile);
            }

            if (htmlFile is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(htmlFile))!);
                await File.WriteAllTextAsync(htmlFile, NotebookHtmlReport.Render(result.Notebook), ct).ConfigureAwait(false);
            }

            foreach (var warning in result.Warnings)
            {
                await output.WriteLineAsync($"  warning: {warning}").ConfigureAwait(false);
            }

            foreach (var (cell, error) in result.Failures)
            {
                await output.WriteLineAsync($"  FAILED cell {cell}: {error.Value}").ConfigureAwait(false);
            }

            var status = result.Succeeded ? "ok" : "FAILED";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {status}: {result.CellTimes.Count} cells in {result.Elapsed.TotalSeconds:F2} s{(outFile is null ? "" : ", notebook " + outFile)}{(htmlFile is null ? "" : ", report " + htmlFile)}")).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                failed++;
            }
        }

        if (notebooks.Length > 1)
        {
            await output.WriteLineAsync($"{notebooks.Length - failed} of {notebooks.Length} notebooks ran without error.").ConfigureAwait(false);
        }

        return failed == 0 ? 0 : 1;
    }
}
