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
        var harness = new Option<string?>("--harness") { Description = "CollabInsights.Notebooks.Harness.dll, which hosts .NET Interactive's CSharpKernel as the peer (default: the one built beside this collab.dll)." };
        var command = new Command("bench", "Measure the C# kernel (start to kernel_info_reply, trivial cells, all notebooks) beside .NET Interactive's CSharpKernel in the same run.") { outOption, cells, folder, assembly, harness };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var notebooks = parseResult.GetValue(folder) ?? (Directory.Exists("notebooks") ? "notebooks" : null);
            var collab = parseResult.GetValue(assembly) ?? typeof(NotebookBenchCommand).Assembly.Location;
            var peer = parseResult.GetValue(harness) ?? KernelBenchmark.FindHarness(collab)
                ?? throw new CollabInsightsException("The .NET Interactive harness (CollabInsights.Notebooks.Harness.dll) was not found: build the solution (dotnet build CollabInsights.sln -c Release) or give --harness.");
            var result = await KernelBenchmark.RunAsync(collab, Math.Max(1, parseResult.GetValue(cells)), notebooks, ct, peer).ConfigureAwait(false);
            var json = JsonSerializer.Serialize(new
            {
                benchmark = "notebook-kernel",
                machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, dotnet = Environment.Version.ToString() },
                goals = new { kernelReadyMs = 1000, trivialCellMs = 12 },
                result,
            }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
            var path = await CliCommand.WriteFileAsync(parseResult.GetValue(outOption)!, json + "\n", ct).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kernel ready {result.KernelReadyMs:F0} ms; first cell {result.FirstCellMs:F0} ms; trivial cell median {result.TrivialCellMedianMs:F1} ms (p95 {result.TrivialCellP95Ms:F1} ms; engine only {result.EngineTrivialCellMedianMs:F1} ms); {result.Notebooks.Count} notebooks in {result.AllNotebooksSeconds:F1} s"));
            if (result.DotNetInteractive is { } p)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $".NET Interactive CSharpKernel: ready {p.ReadyMs:F0} ms; first cell {p.FirstCellMs:F0} ms; trivial cell median {p.TrivialCellMedianMs:F1} ms (p95 {p.TrivialCellP95Ms:F1} ms)"));
            }

            output.WriteLine($"Results written to {path}");
            return 0;
        });
        return command;
    }
}
