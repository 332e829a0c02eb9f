namespace CollabInsights.Benchmarks;

/// <summary>Progress of a benchmark run, reported per completed batch of operations.</summary>
/// <param name="Backend">Backend being measured.</param>
/// <param name="Workload">Workload being run.</param>
/// <param name="N">Records of the current size step.</param>
/// <param name="Done">Operations finished in the current workload.</param>
/// <param name="Total">Operations planned in the current workload.</param>
/// <param name="Step">1-based index of the current backend x N x workload step.</param>
/// <param name="Steps">Number of steps in the run.</param>
public sealed record BenchmarkProgress(string Backend, string Workload, long N, long Done, long Total, int Step, int Steps);
