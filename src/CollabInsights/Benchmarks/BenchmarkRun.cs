using CollabInsights.Domain;
namespace CollabInsights.Benchmarks;

/// <summary>A finished benchmark run: its configuration, machine, timing and one result row per backend x workload x N (sorted).</summary>
/// <param name="Options">The recorded configuration; running it again repeats the run. For a merged run, the union of its parts' backends, workloads and sizes (each part's own configuration is in <see cref="Parts"/>).</param>
/// <param name="Machine">Where it ran.</param>
/// <param name="StartedUtc">Start time.</param>
/// <param name="FinishedUtc">End time.</param>
/// <param name="Results">Result rows sorted by backend, N and workload order.</param>
public sealed record BenchmarkRun(BenchmarkOptions Options, MachineDescription Machine, DateTimeOffset StartedUtc, DateTimeOffset FinishedUtc, IReadOnlyList<BenchmarkResult> Results)
{
    /// <summary>The separate runs this one was merged from (<see cref="BenchmarkMerge"/>), each with the configuration that repeats it; null for a single run.</summary>
    public IReadOnlyList<BenchmarkRunPart>? Parts { get; init; }

    /// <summary>Rows in report order: backends in <see cref="BenchmarkOptions.AllBackends"/> order, then N, then workload order.</summary>
    internal static List<BenchmarkResult> Sorted(IEnumerable<BenchmarkResult> results)
    {
        var backends = BenchmarkOptions.AllBackends.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i, StringComparer.Ordinal);
        var workloads = BenchmarkOptions.AllWorkloads.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        return results
            .OrderBy(r => backends.GetValueOrDefault(r.Backend, int.MaxValue)).ThenBy(r => r.Backend, StringComparer.Ordinal)
            .ThenBy(r => r.N)
            .ThenBy(r => workloads.GetValueOrDefault(r.Workload, int.MaxValue)).ThenBy(r => r.Workload, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>One of the runs a merged <see cref="BenchmarkRun"/> combines.</summary>
/// <param name="Source">Where it was read from (the results.json path as given).</param>
/// <param name="Options">Its configuration: running it again repeats this part.</param>
/// <param name="StartedUtc">Its start time.</param>
/// <param name="FinishedUtc">Its end time.</param>
public sealed record BenchmarkRunPart(string Source, BenchmarkOptions Options, DateTimeOffset StartedUtc, DateTimeOffset FinishedUtc);
