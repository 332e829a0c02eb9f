using System.Diagnostics;
using System.Text.Json.Nodes;
using CollabInsights.Notebooks.Documents;
using CollabInsights.Notebooks.Internal;

namespace CollabInsights.Notebooks.Execution;

/// <summary>
/// Runs a notebook headlessly, top to bottom, in a fresh <see cref="CSharpSession"/>: the same engine
/// the Jupyter kernel uses. Outputs replace the old ones; the run stops at the first failing cell unless
/// <see cref="NotebookRunOptions.AllowErrors"/> is set.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The kernelspec name of the CollabInsights C# kernel.</summary>
    public const string KernelName = "collab-csharp";

    /// <summary>The kernel's display name in Jupyter front ends.</summary>
    public const string KernelDisplayName = "C# (CollabInsights)";

    /// <summary>Loads, parameterises and runs the notebook at <paramref name="path"/>; cells run in its folder unless options say otherwise.</summary>
    public static Task<NotebookRunResult> RunFileAsync(string path, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var notebook = DibConverter.Load(path);
        options ??= new NotebookRunOptions();
        if (options.WorkingDirectory is null)
        {
            options = options with { WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) };
        }

        return RunAsync(notebook, options, cancellationToken);
    }

    /// <summary>Runs <paramref name="notebook"/> in place (parameters injected, outputs replaced) and returns it with the failures.</summary>
    public static async Task<NotebookRunResult> RunAsync(NotebookDocument notebook, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        options ??= new NotebookRunOptions();
        var stopwatch = Stopwatch.StartNew();
        var warnings = NotebookParameters.Warnings(notebook, options.Parameters);
        NotebookParameters.Inject(notebook, options.Parameters);
        EnsureKernelMetadata(notebook);
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Code))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }

        // Formatter registrations are process-wide: a notebook starts from the defaults, whatever ran before it here.
        Microsoft.DotNet.Interactive.Formatting.Formatter.ResetToDefault();
        var failures = new List<(int, ErrorOutput)>();
        var times = new List<TimeSpan>();
        using var session = new CSharpSession(new CSharpSessionOptions
        {
            WorkingDirectory = options.WorkingDirectory,
            CellTimeout = options.CellTimeout,
        });
        var count = 0;
        var displays = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code || string.IsNullOrWhiteSpace(cell.Source))
            {
                continue;
            }

            var name = CellSource.Describe(cell, i);
            var result = await session.ExecuteCellAsync(cell.Source, CellSource.Language(notebook, cell), name, null, cancellationToken).ConfigureAwait(false);
            count = result.ExecutionCount;
            cell.ExecutionCount = count;
            NotebookOutputs.AppendTo(cell.Outputs, result.Outputs, displays);
            times.Add(result.Elapsed);
            options.Progress?.Report($"{name}: {(result.Succeeded ? "ok" : result.Error!.Name)} in {result.Elapsed.TotalMilliseconds:F0} ms");
            if (!result.Succeeded)
            {
                failures.Add((i + 1, result.Error!));
                if (!options.AllowErrors)
                {
                    break;
                }
            }
        }

        return new NotebookRunResult(notebook, failures, times, stopwatch.Elapsed) { Warnings = warnings };
    }

    /// <summary>Adds the kernelspec and language_info of the C# kernel when the notebook has none (other keys are kept).</summary>
    internal static void EnsureKernelMetadata(NotebookDocument notebook)
    {
        notebook.Metadata["kernelspec"] ??= new JsonObject
        {
            ["display_name"] = KernelDisplayName,
            ["language"] = "csharp",
            ["name"] = KernelName,
        };
        notebook.Metadata["language_info"] ??= LanguageInfo();
    }

    /// <summary>Jupyter's language_info for C#.</summary>
    internal static JsonObject LanguageInfo() => new()
    {
        ["file_extension"] = ".cs",
        ["mimetype"] = "text/x-csharp",
        ["name"] = "csharp",
        ["pygments_lexer"] = "csharp",
        ["version"] = "14.0",
    };
}
