using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Notebooks.Kernel;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab notebook bench</c>: kernel start-up, trivial-cell overhead and time to run all notebooks, written to JSON.</summary>
internal static class NotebookBenchCommand
{
    public static Command Create()
    {
        var outOption = new Option<string>("--out") { Description = "JSON file for the results.", DefaultValueFactory = _ => "bench-notebooks.json" };
        var cells = new Option<int>("--cells") { Description = "Trivial cells to time after the first.", DefaultValueFactory = _ => 50 };
        var folder = new Option<string?>("--notebooks") { Description = "Folder of notebooks to time with the headless runner (default: notebooks/ when present)." };
        var assembly = new Option<string?>("--assembly") { Description = "The collab.dll to start as the kernel (default: this one).", Hidden = true };
        var command = new Command("bench", "Measure the C# kernel: start to kernel_info_reply, overhead of a trivial cell, and time to run all notebooks.") { outOption, cells, folder, assembly };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var notebooks = parseResult.GetValue(folder) ?? (Directory.Exists("notebooks") ? "notebooks" : null);
            var result = await KernelBenchmark.RunAsync(parseResult.GetValue(assembly) ?? typeof(NotebookBenchCommand).Assembly.Location, Math.Max(1, parseResult.GetValue(cells)), notebooks, ct).ConfigureAwait(false);
            var json = JsonSerializer.Serialize(new
            {
                benchmark = "notebook-kernel",
                machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, dotnet = Environment.Version.ToString() },
                goals = new { kernelReadyMs = 3000, trivialCellMs = 20 },
                result,
            }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
            var path = await CliCommand.WriteFileAsync(parseResult.GetValue(outOption)!, json + "\n", ct).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kernel ready {result.KernelReadyMs:F0} ms; first cell {result.FirstCellMs:F0} ms; trivial cell median {result.TrivialCellMedianMs:F1} ms (p95 {result.TrivialCellP95Ms:F1} ms; engine only {result.EngineTrivialCellMedianMs:F1} ms); {result.Notebooks.Count} notebooks in {result.AllNotebooksSeconds:F1} s"));
            output.WriteLine($"Results written to {path}");
            return 0;
        });
        return command;
    }
}
