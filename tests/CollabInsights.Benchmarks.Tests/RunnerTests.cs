using System.Text.Json;
using CollabInsights.Benchmarks;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Benchmarks.Tests;

public sealed class RunnerTests
{
    [Theory]
    [InlineData(Npgsql.SslMode.Disable, "disable")]
    [InlineData(Npgsql.SslMode.Prefer, "prefer")]
    [InlineData(Npgsql.SslMode.Require, "require")]
    [InlineData(Npgsql.SslMode.VerifyFull, "verify-full")]
    public void Pgbench_encrypts_exactly_as_our_connections_do(Npgsql.SslMode ours, string libpq) =>
        Assert.Equal(libpq, PeerComparison.LibpqSslMode(ours));

    private static BenchmarkOptions Tiny(params string[] backends) => new()
    {
        Backends = backends,
        Sizes = [40, 80],
        BatchSize = 10,
        LookupOperations = 20,
        RangeOperations = 3,
        AggregateOperations = 2,
        ProofOperations = 5,
        MerkleBlockSize = 16,
        PostgresConnectionString = backends.Any(b => b.Contains("postgres", StringComparison.Ordinal)) ? Backends.PostgresConnectionString : null,
    };

    [Fact]
    public async Task Every_database_backend_runs_every_workload_at_a_tiny_size()
    {
        var ct = TestContext.Current.CancellationToken;
        var progress = new List<BenchmarkProgress>();
        var run = await BenchmarkRunner.RunAsync(Tiny([.. Backends.DatabaseNames]), new SyncProgress(progress.Add), ct);

        Assert.Equal(4 * 2 * BenchmarkOptions.AllWorkloads.Count, run.Results.Count);
        Assert.All(run.Results, r => Assert.Equal(0, r.Failed));
        var writes = run.Results.Where(r => r.Workload == "write").ToList();
        Assert.All(writes, r => Assert.Equal(r.N, r.Succeeded));
        Assert.All(run.Results.Where(r => r.Workload == "write-batch"), r => Assert.StartsWith("10 records per transaction", r.Note, StringComparison.Ordinal));
        Assert.All(writes, r => Assert.True(r.ThroughputTps > 0 && r.Latency.P50Ms > 0 && r.BytesPerRecord > 0));
        Assert.All(run.Results.Where(r => r.Workload == "point-lookup"), r => Assert.Equal(20, r.Succeeded));

        var tamper = run.Results.Where(r => r.Workload == "tamper").ToDictionary(r => (r.Backend, r.N), r => r.TamperDetected);
        Assert.Equal(true, tamper[("hashchain-sqlite", 80)]);
        Assert.Equal(true, tamper[("hashchain-postgres", 40)]);
        Assert.Equal(false, tamper[("sqlite", 80)]);
        Assert.Equal(false, tamper[("postgres", 40)]);

        var proofs = run.Results.Where(r => r.Workload == "audit-proof").ToList();
        Assert.All(proofs.Where(r => r.Backend.StartsWith("hashchain", StringComparison.Ordinal)), r => Assert.Contains("5 of 5 proofs verified", r.Note, StringComparison.Ordinal));
        Assert.All(proofs.Where(r => !r.Backend.StartsWith("hashchain", StringComparison.Ordinal)), r => Assert.Equal("None", r.ProofKind));
        Assert.All(proofs.Where(r => r.ProofKind == "None"), r => Assert.True(r.VerifyMs is null && r.ProofBytes is null, "a plain table reports no verify time or proof size"));
        Assert.All(proofs.Where(r => r.ProofKind != "None"), r => Assert.True(r.VerifyMs > 0 && r.ProofBytes > 0));
        Assert.Contains(progress, p => p.Workload == "write" && p.Done == p.Total);
    }

    [Fact]
    public async Task Results_json_has_configuration_machine_and_one_row_per_backend_workload_and_n()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Tiny("sqlite") with { Rate = RateControl.FixedRate(2000), Seed = 5 };
        var run = await BenchmarkRunner.RunAsync(options, null, ct);
        var dir = RepoPaths.NewTempDirectory("bench-report");
        var files = await BenchmarkReport.WriteAsync(run, dir, ct);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(files[0], ct));
        var root = json.RootElement;
        Assert.Equal(5, root.GetProperty("options").GetProperty("seed").GetInt32());
        Assert.Equal(2000, root.GetProperty("options").GetProperty("rate").GetProperty("rate_tps").GetDouble());
        Assert.True(root.GetProperty("machine").GetProperty("logical_cores").GetInt32() >= 1);
        var rows = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2 * BenchmarkOptions.AllWorkloads.Count, rows.Count);
        Assert.Equal(
            rows.Select(r => (r.GetProperty("backend").GetString(), r.GetProperty("workload").GetString(), r.GetProperty("n").GetInt64())).Distinct().Count(),
            rows.Count);
        var write = rows.First(r => r.GetProperty("workload").GetString() == "write");
        foreach (var property in new[] { "succeeded", "failed", "send_rate_tps", "throughput_tps", "bytes_per_record" })
        {
            Assert.True(write.TryGetProperty(property, out _), property);
        }

        foreach (var property in new[] { "min_ms", "avg_ms", "max_ms", "p50_ms", "p95_ms", "p99_ms" })
        {
            Assert.True(write.GetProperty("latency").TryGetProperty(property, out _), property);
        }

        Assert.Equal("fixed-rate", write.GetProperty("rate_control").GetString());
        var back = await BenchmarkReport.ReadAsync(files[0], ct);
        Assert.Equal(run.Results, back.Results);

        var csv = await File.ReadAllLinesAsync(files[1], ct);
        Assert.Equal(string.Join(',', BenchmarkReport.CsvColumns), csv[0]);
        Assert.Equal(rows.Count + 1, csv.Length);
        var html = await File.ReadAllTextAsync(files[2], ct);
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.Contains("cannot detect the change", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_missing_postgres_connection_names_the_start_script()
    {
        var ex = Assert.Throws<CollabInsightsException>(() => PostgresConnection.Resolve(null, _ => null));
        Assert.Contains("eval \"$(bash scripts/postgres.sh --export)\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Host=x", PostgresConnection.Resolve(null, _ => "Host=x"));
    }

    private sealed class SyncProgress(Action<BenchmarkProgress> report) : IProgress<BenchmarkProgress>
    {
        public void Report(BenchmarkProgress value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
