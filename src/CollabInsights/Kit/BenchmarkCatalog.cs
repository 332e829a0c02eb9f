using CollabInsights.Benchmarks;

namespace CollabInsights.Kit;

/// <summary>The blockchain-versus-database benchmark of <see cref="CollabKit.Benchmarks"/>.</summary>
public sealed class BenchmarkCatalog
{
    private readonly CollabKit _kit;

    internal BenchmarkCatalog(CollabKit kit) => _kit = kit;

    /// <summary>
    /// Runs the same workloads on each backend at <paramref name="records"/> records, seeded by the kit
    /// (<see cref="BenchmarkRunner.RunAsync"/>; the other settings are <see cref="BenchmarkOptions"/>' defaults, and
    /// <paramref name="backends"/> defaults to SQLite, the hash-chained SQLite table and Anvil, which need no server).
    /// </summary>
    /// <example><code>var run = await kit.Benchmarks.RunAsync(records: 200); display(run.Results);</code></example>
    public Task<BenchmarkRun> RunAsync(int records = 200, IReadOnlyList<string>? backends = null, IProgress<BenchmarkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        BenchmarkRunner.RunAsync(new BenchmarkOptions { Backends = backends ?? ["sqlite", "hashchain-sqlite", "anvil"], Sizes = [records], Seed = _kit.Seed }, progress, cancellationToken);

    /// <summary>Writes <c>results.json</c>, <c>results.csv</c> and the offline <c>report.html</c> of a run (<see cref="BenchmarkReport.WriteAsync"/>).</summary>
    /// <example><code>await kit.Benchmarks.WriteAsync(run, "out/bench");</code></example>
    public Task<IReadOnlyList<string>> WriteAsync(BenchmarkRun run, string directory, CancellationToken cancellationToken = default) =>
        BenchmarkReport.WriteAsync(run, directory, cancellationToken);
}
