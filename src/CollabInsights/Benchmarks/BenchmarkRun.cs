namespace CollabInsights.Benchmarks;

/// <summary>A finished benchmark run: its configuration, machine, timing and one result row per backend x workload x N (sorted).</summary>
/// <param name="Options">The recorded configuration; running it again repeats the run.</param>
/// <param name="Machine">Where it ran.</param>
/// <param name="StartedUtc">Start time.</param>
/// <param name="FinishedUtc">End time.</param>
/// <param name="Results">Result rows sorted by backend, N and workload order.</param>
public sealed record BenchmarkRun(BenchmarkOptions Options, MachineDescription Machine, DateTimeOffset StartedUtc, DateTimeOffset FinishedUtc, IReadOnlyList<BenchmarkResult> Results);
