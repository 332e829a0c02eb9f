using CollabInsights.Benchmarks;

namespace CollabInsights.Verification.Tests;

/// <summary>The benchmark's tamper-insider workload: a DBA who recomputes every hash is caught only by the head anchored on chain.</summary>
public class InsiderTamperTests
{
    [Fact]
    public async Task An_insider_who_recomputes_every_hash_is_caught_by_the_on_chain_anchor_and_by_no_table_defence()
    {
        var ct = TestContext.Current.CancellationToken;
        var run = await BenchmarkRunner.RunAsync(new BenchmarkOptions
        {
            Backends = ["sqlite", "hashchain-sqlite", "anvil"],
            Workloads = ["write", "tamper", "tamper-insider"],
            Sizes = [24],
            MerkleBlockSize = 8,
        }, null, ct);

        var naive = run.Results.Where(r => r.Workload == "tamper").ToDictionary(r => r.Backend);
        var insider = run.Results.Where(r => r.Workload == "tamper-insider").ToDictionary(r => r.Backend);

        Assert.Equal(true, naive["hashchain-sqlite"].TamperDetected);
        Assert.Equal(false, insider["sqlite"].TamperDetected);
        Assert.Contains("undetectable", insider["sqlite"].Note, StringComparison.Ordinal);
        Assert.Equal(true, insider["hashchain-sqlite"].TamperDetected);
        Assert.Contains("Hash chain alone: NOT detected", insider["hashchain-sqlite"].Note, StringComparison.Ordinal);
        Assert.Contains("Head anchored on chain", insider["hashchain-sqlite"].Note, StringComparison.Ordinal);
        Assert.Contains("detected: the database's head", insider["hashchain-sqlite"].Note, StringComparison.Ordinal);
        Assert.Equal(true, insider["anvil"].TamperDetected);
        Assert.All(insider.Values, r => Assert.Equal(0, r.Failed));
    }
}
