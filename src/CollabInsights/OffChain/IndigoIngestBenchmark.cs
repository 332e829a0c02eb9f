using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollabInsights.Domain;

namespace CollabInsights.OffChain;

/// <summary>Options for <see cref="IndigoIngestBenchmark.RunAsync"/>.</summary>
public sealed record IndigoIngestBenchmarkOptions
{
    /// <summary>Timed iterations on each side (default 20); the median is reported.</summary>
    public int Iterations { get; init; } = 20;

    /// <summary>Untimed warm-up iterations on each side before timing (default 5).</summary>
    public int WarmupIterations { get; init; } = 5;

    /// <summary>The Python interpreter with pandas (default <c>/usr/bin/python3</c>, Debian's python3-pandas).</summary>
    public string Python { get; init; } = "/usr/bin/python3";

    /// <summary>The pandas timing script (default: the copy embedded in this library, <c>OffChain/Resources/pandas_bench.py</c>).</summary>
    public string? PandasScript { get; init; }
}

/// <summary>
/// Medians of one benchmark run, in milliseconds of wall-clock time (and of process CPU time, which is
/// less disturbed by other work on a shared machine); <see cref="Ratio"/> is ours divided by pandas'
/// wall-clock median (at most 1 means we are no slower).
/// </summary>
public sealed record IndigoIngestBenchmarkResult(
    string Data,
    int Files,
    int Iterations,
    int WarmupIterations,
    double OursMedianMs,
    IReadOnlyList<double> OursTimesMs,
    double PandasMedianMs,
    IReadOnlyList<double> PandasTimesMs,
    string PandasVersion,
    string PythonVersion,
    int OurRecords,
    int OurProblems,
    int PandasRows,
    double OursCpuMedianMs,
    double PandasCpuMedianMs)
{
    /// <summary>Our median over pandas' median.</summary>
    public double Ratio => PandasMedianMs > 0 ? OursMedianMs / PandasMedianMs : double.NaN;

    /// <summary>Our CPU-time median over pandas' CPU-time median.</summary>
    public double CpuRatio => PandasCpuMedianMs > 0 ? OursCpuMedianMs / PandasCpuMedianMs : double.NaN;

    /// <summary>The result as an indented JSON document (invariant numbers).</summary>
    public string ToJson()
    {
        var node = new JsonObject
        {
            ["benchmark"] = "indigo-ingest",
            ["data"] = Data,
            ["files"] = Files,
            ["iterations"] = Iterations,
            ["warmup_iterations"] = WarmupIterations,
            ["ours"] = new JsonObject
            {
                ["what"] = "IndigoSource.LoadAsync: read, parse, type and validate the files (in process, after warm-up)",
                ["runtime"] = $".NET {Environment.Version}",
                ["median_ms"] = OursMedianMs,
                ["cpu_median_ms"] = OursCpuMedianMs,
                ["times_ms"] = new JsonArray(OursTimesMs.Select(t => (JsonNode?)t).ToArray()),
                ["records"] = OurRecords,
                ["problems"] = OurProblems,
            },
            ["pandas"] = new JsonObject
            {
                ["what"] = "pandas.read_csv of the same files with default options (in process, after warm-up)",
                ["version"] = PandasVersion,
                ["python"] = PythonVersion,
                ["median_ms"] = PandasMedianMs,
                ["cpu_median_ms"] = PandasCpuMedianMs,
                ["times_ms"] = new JsonArray(PandasTimesMs.Select(t => (JsonNode?)t).ToArray()),
                ["rows"] = PandasRows,
            },
            ["ratio_ours_over_pandas"] = Ratio,
            ["cpu_ratio_ours_over_pandas"] = CpuRatio,
        };
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}

/// <summary>
/// Times loading and validating the INDIGO export with <see cref="IndigoSource"/> against pandas
/// <c>read_csv</c> of the same files, both in process and warmed up, in the same run.
/// </summary>
public static class IndigoIngestBenchmark
{
    /// <summary>Runs both sides on the export folder <paramref name="dataFolder"/>. Throws <see cref="CollabInsightsException"/> when Python or pandas is missing.</summary>
    public static async Task<IndigoIngestBenchmarkResult> RunAsync(string dataFolder, IndigoIngestBenchmarkOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new IndigoIngestBenchmarkOptions();
        if (options.Iterations < 1 || options.WarmupIterations < 0)
        {
            throw new CollabInsightsException("The benchmark needs at least 1 iteration and a non-negative number of warm-up iterations.");
        }

        var folder = Path.GetFullPath(dataFolder);
        if (!Directory.Exists(folder))
        {
            throw new CollabInsightsException($"'{folder}' is not a folder: the benchmark compares with pandas reading the same CSV files, so pass the extracted export folder.");
        }

        if (options.PandasScript is { } given && !File.Exists(given))
        {
            throw new CollabInsightsException($"The pandas timing script '{given}' was not found.");
        }

        if (!File.Exists(options.Python))
        {
            throw new CollabInsightsException($"{options.Python} was not found: install Debian's python3 and python3-pandas (apt-get install python3-pandas), or pass another interpreter.");
        }

        // Ours: warm-up, then timed loads.
        progress?.Report("warming up our loader");
        var records = 0;
        var problems = 0;
        for (var i = 0; i < options.WarmupIterations; i++)
        {
            await IndigoSource.LoadAsync(folder, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var ours = new List<double>(options.Iterations);
        var oursCpu = new List<double>(options.Iterations);
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < options.Iterations; i++)
        {
            progress?.Report($"our loader, iteration {i + 1}/{options.Iterations}");
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var result = await IndigoSource.LoadAsync(folder, cancellationToken: cancellationToken).ConfigureAwait(false);
            sw.Stop();
            self.Refresh();
            ours.Add(sw.Elapsed.TotalMilliseconds);
            oursCpu.Add((self.TotalProcessorTime - cpu0).TotalMilliseconds);
            var d = result.Value;
            records = d.Organisations.Count + d.Funds.Count + d.Projects.Count + d.ProjectFunds.Count + d.Commitments.Count + d.Investments.Count
                + d.Metrics.Count + d.Pricings.Count + d.Results.Count + d.Payments.Count;
            problems = result.Problems.Count;
        }

        progress?.Report("pandas read_csv");
        var script = options.PandasScript ?? WriteEmbeddedScript();
        var psi = new ProcessStartInfo(options.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(folder);
        psi.ArgumentList.Add(options.Iterations.ToString(CultureInfo.InvariantCulture));
        psi.ArgumentList.Add(options.WarmupIterations.ToString(CultureInfo.InvariantCulture));
        foreach (var f in IndigoLayout.LoadedFiles)
        {
            psi.ArgumentList.Add(f);
        }

        string output, errors;
        int exitCode;
        try
        {
            using var process = Process.Start(psi) ?? throw new CollabInsightsException($"Could not start {options.Python}.");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            output = await stdout.ConfigureAwait(false);
            errors = await stderr.ConfigureAwait(false);
            exitCode = process.ExitCode;
        }
        finally
        {
            if (options.PandasScript is null)
            {
                File.Delete(script);
            }
        }

        if (exitCode != 0)
        {
            var hint = errors.Contains("No module named 'pandas'", StringComparison.Ordinal) ? " Install python3-pandas (apt-get install python3-pandas)." : string.Empty;
            throw new CollabInsightsException($"The pandas benchmark failed (exit {exitCode}): {errors.Trim()}{hint}");
        }

        var json = JsonNode.Parse(output) ?? throw new CollabInsightsException("The pandas benchmark printed no result.");
        var pandasTimes = json["times_ms"]!.AsArray().Select(t => t!.GetValue<double>()).ToList();
        return new IndigoIngestBenchmarkResult(
            folder,
            IndigoLayout.LoadedFiles.Count,
            options.Iterations,
            options.WarmupIterations,
            Median(ours),
            ours,
            json["median_ms"]!.GetValue<double>(),
            pandasTimes,
            json["pandas"]!.GetValue<string>(),
            json["python"]!.GetValue<string>(),
            records,
            problems,
            json["rows"]!.GetValue<int>(),
            Median(oursCpu),
            json["cpu_median_ms"]!.GetValue<double>());
    }

    private static double Median(List<double> values) => Percentile.Median([.. values.Order()]);

    /// <summary>Writes the embedded pandas script to a new temporary file and returns its path (the caller deletes it).</summary>
    internal static string WriteEmbeddedScript()
    {
        const string name = "CollabInsights.OffChain.pandas_bench.py";
        using var resource = typeof(IndigoIngestBenchmark).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the library build.");
        var path = Path.Combine(Path.GetTempPath(), $"collab-pandas-bench-{Guid.NewGuid():N}.py");
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }
}
