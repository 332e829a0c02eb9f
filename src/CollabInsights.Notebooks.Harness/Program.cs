using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

// Usage: dotnet CollabInsights.Notebooks.Harness.dll [cells]
// Prints one JSON object: kernel ready (process start to a CSharpKernel with its helpers), the first cell, and the
// times of later trivial cells ("1 + 1"), all in milliseconds; `collab notebook bench` takes their median and p95 with the
// kit's one percentile (CollabInsights.Domain.Percentile), as it does for its own kernel.
var cells = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
using var kernel = new CSharpKernel().UseKernelHelpers();
var ready = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;

var times = new List<double>();
for (var i = 0; i <= cells; i++)
{
    var watch = Stopwatch.StartNew();
    var result = await kernel.SendAsync(new SubmitCode("1 + 1"));
    times.Add(watch.Elapsed.TotalMilliseconds);
    if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
    {
        Console.Error.WriteLine($"The trivial cell failed in CSharpKernel: {failed.Message}");
        return 1;
    }

    if (i == 0 && !result.Events.OfType<ReturnValueProduced>().Any(e => Equals(e.Value, 2)))
    {
        Console.Error.WriteLine("CSharpKernel returned no value 2 for 1 + 1.");
        return 1;
    }
}

Console.WriteLine(JsonSerializer.Serialize(new
{
    kernel = "Microsoft.DotNet.Interactive.CSharp CSharpKernel " + typeof(CSharpKernel).Assembly.GetName().Version,
    readyMs = Math.Round(ready, 1),
    firstCellMs = Math.Round(times[0], 1),
    trivialCellTimesMs = times.Skip(1).ToArray(),
    cells,
}));
return 0;
