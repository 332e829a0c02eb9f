using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollabInsights.Benchmarks;

/// <summary>
/// Combines separate benchmark runs into one table and report: for example the databases at
/// N = 1e5 run in minutes, the chain at the same N in an hour, on another occasion. Only runs
/// that are comparable are merged: same machine, and the same configuration apart from which
/// backends, workloads and sizes they ran; no backend x workload x N may be measured twice.
/// Each part's own configuration is kept, so every row stays reproducible.
/// </summary>
public static class BenchmarkMerge
{
    /// <summary>Merges <paramref name="runs"/> (at least two), named by <paramref name="sources"/> (e.g. their paths) in the same order.</summary>
    /// <exception cref="CollabInsightsException">The runs are not comparable or overlap; the message names the difference.</exception>
    public static BenchmarkRun Merge(IReadOnlyList<BenchmarkRun> runs, IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(sources);
        if (runs.Count < 2 || sources.Count != runs.Count)
        {
            throw new CollabInsightsException("Give at least two benchmark runs to merge, each with its source.");
        }

        var first = runs[0];
        for (var i = 1; i < runs.Count; i++)
        {
            var machine = Differences(first.Machine, runs[i].Machine);
            if (machine.Count > 0)
            {
                throw new CollabInsightsException($"{sources[i]} ran on another machine than {sources[0]} ({string.Join("; ", machine)}); numbers from different machines do not belong in one table.");
            }

            var options = Differences(Comparable(first.Options), Comparable(runs[i].Options));
            if (options.Count > 0)
            {
                throw new CollabInsightsException($"{sources[i]} was configured differently from {sources[0]} ({string.Join("; ", options)}); only the backends, workloads and sizes may differ between merged runs.");
            }
        }

        var seen = new Dictionary<(string Backend, string Workload, long N), string>();
        for (var i = 0; i < runs.Count; i++)
        {
            foreach (var r in runs[i].Results)
            {
                if (!seen.TryAdd((r.Backend, r.Workload, r.N), sources[i]))
                {
                    throw new CollabInsightsException(string.Create(CultureInfo.InvariantCulture, $"{r.Backend} {r.Workload} at N={r.N} was measured in both {seen[(r.Backend, r.Workload, r.N)]} and {sources[i]}; merge runs that measured different backends or sizes."));
                }
            }
        }

        var parts = runs.SelectMany((run, i) => run.Parts ?? [new BenchmarkRunPart(sources[i], run.Options, run.StartedUtc, run.FinishedUtc)]).ToList();
        var merged = first.Options with
        {
            Backends = [.. BenchmarkOptions.AllBackends.Where(b => runs.Any(r => r.Options.Backends.Contains(b)))],
            Workloads = [.. BenchmarkOptions.AllWorkloads.Where(w => runs.Any(r => r.Options.Workloads.Contains(w)))],
            Sizes = [.. runs.SelectMany(r => r.Options.Sizes).Distinct().Order()],
            PostgresConnectionString = null,
            WorkDirectory = null,
        };
        return new BenchmarkRun(merged, first.Machine, runs.Min(r => r.StartedUtc), runs.Max(r => r.FinishedUtc), BenchmarkRun.Sorted(runs.SelectMany(r => r.Results)))
        {
            Parts = parts,
        };
    }

    /// <summary>Reads each <c>results.json</c> (a path to the file or to the folder holding it) and merges them.</summary>
    public static async Task<BenchmarkRun> MergeFilesAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = paths.Select(p => Directory.Exists(p) ? Path.Combine(p, "results.json") : p).ToList();
        var runs = new List<BenchmarkRun>(files.Count);
        foreach (var file in files)
        {
            runs.Add(await BenchmarkReport.ReadAsync(file, cancellationToken).ConfigureAwait(false));
        }

        return Merge(runs, files);
    }

    private static BenchmarkOptions Comparable(BenchmarkOptions options) => options with
    {
        Backends = [],
        Workloads = [],
        Sizes = [],
        PostgresConnectionString = null,
        WorkDirectory = null,
    };

    // Property-by-property comparison of the JSON forms, so a message can name what differs.
    private static List<string> Differences<T>(T a, T b)
    {
        var left = JsonSerializer.SerializeToElement(a, BenchmarkReport.JsonOptions);
        var right = JsonSerializer.SerializeToElement(b, BenchmarkReport.JsonOptions);
        var names = left.EnumerateObject().Select(p => p.Name).Union(right.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var name in names)
        {
            var x = left.TryGetProperty(name, out var lx) ? lx.GetRawText() : "(none)";
            var y = right.TryGetProperty(name, out var ry) ? ry.GetRawText() : "(none)";
            if (!string.Equals(Compact(x), Compact(y), StringComparison.Ordinal))
            {
                differences.Add($"{name}: {Compact(x)} vs {Compact(y)}");
            }
        }

        return differences;
    }

    private static string Compact(string json) => JsonNode.Parse(json)?.ToJsonString() ?? "null";
}
