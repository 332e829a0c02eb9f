using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Benchmarks.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task Bench_run_writes_results_json_csv_and_report_and_prints_the_table()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory("bench-cli");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["bench", "run", "--backends", "sqlite,hashchain-sqlite", "--n", "30", "--batch", "10", "--out", dir], output, error, ct);

        Assert.True(code == 0, error.ToString());
        Assert.True(File.Exists(Path.Combine(dir, "results.json")));
        Assert.True(File.Exists(Path.Combine(dir, "results.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
        var text = output.ToString();
        Assert.Contains("hashchain-sqlite", text, StringComparison.Ordinal);
        Assert.Contains("not detected", text, StringComparison.Ordinal);
        Assert.Contains("[16/16]", text, StringComparison.Ordinal);

        // Without a terminal, progress is plain lines: the start of each step, each tenth of it, and its end.
        Assert.Contains("[1/16] sqlite write N=30: 30 operations to run", text, StringComparison.Ordinal);
        Assert.Contains("[1/16] sqlite write N=30: 15/30 operations", text, StringComparison.Ordinal);
        Assert.Contains("[1/16] sqlite write N=30: 30/30 operations", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[1/16] sqlite write N=30: 16/30", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_run_rejects_an_unknown_backend_with_the_list_of_known_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["bench", "run", "--backends", "mongo", "--n", "10", "--out", RepoPaths.NewTempDirectory("bench-cli")], new StringWriter(), error, ct);
        Assert.NotEqual(0, code);
        Assert.Contains("hashchain-postgres", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_peers_compares_the_sqlite_harness_with_a_plain_loop()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["bench", "peers", "--peers", "sqlite", "--n", "300", "--rounds", "1", "--json"], output, error, ct);
        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var result = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
        Assert.True(result.GetProperty("ratio").GetDouble() > 0);
        Assert.Equal(300, result.GetProperty("n").GetInt64());
    }

    [Fact]
    public async Task Bench_peers_runs_pgbench_with_the_same_insert()
    {
        _ = Backends.PostgresConnectionString;
        var ct = TestContext.Current.CancellationToken;
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["bench", "peers", "--peers", "postgres", "--n", "200", "--clients", "2", "--rounds", "3", "--json"], output, error, ct);
        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var result = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
        var ours = result.GetProperty("ours_tps").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var peer = result.GetProperty("peer_tps").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(3, ours.Length);
        Assert.All(peer, tps => Assert.True(tps > 0));
        var roundRatios = ours.Zip(peer, (o, p) => o / p).Order().ToArray();
        Assert.Equal(roundRatios[1], result.GetProperty("ratio").GetDouble(), 9);
        Assert.True(result.GetProperty("ours_cpu_microseconds_per_insert").GetDouble() > 0);
        var command = result.GetProperty("peer_command").GetString();
        Assert.Contains("pgbench -n -M prepared -c 2", command, StringComparison.Ordinal);
        Assert.Contains("PGSSLMODE=" + PeerComparison.LibpqSslMode(new Npgsql.NpgsqlConnectionStringBuilder(Backends.PostgresConnectionString).SslMode), command, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_reads_an_answers_file_with_benchmark_results_and_cites_the_measured_number()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory("fit-cli");
        var run = new BenchmarkRun(new BenchmarkOptions(), MachineDescription.Current(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            [new BenchmarkResult { Backend = "anvil-1s", Workload = "write", N = 100, RateControl = "fixed-load", Succeeded = 100, ThroughputTps = 37.25, Latency = LatencyStats.From([900, 1100]) }]);
        await BenchmarkReport.WriteAsync(run, Path.Combine(dir, "bench"), ct);
        await File.WriteAllTextAsync(Path.Combine(dir, "answers.json"), """
            {
              "answers": {
                "needs_shared_state": true, "multiple_writers": true, "trusted_third_party_available": false,
                "all_writers_known": true, "all_writers_trusted": false, "public_verifiability": true,
                "access_rules_differ": true, "transaction_rules_stable": true, "needs_immutable_log": true,
                "records_never_updated": true, "sensitive_data_on_ledger": false, "needs_digital_asset": false
              },
              "requirements": { "writes_per_second": 500, "erasure_of_personal_data_required": true },
              "benchmark_results": "bench/results.json"
            }
            """, ct);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["fit", "--answers", Path.Combine(dir, "answers.json"), "--json"], output, error, ct);

        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("LedgerDatabase", json.RootElement.GetProperty("verdict").GetString());
        Assert.Contains("37.25 records/s", json.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_without_answers_outside_a_terminal_says_how_to_pass_them()
    {
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["fit"], new StringWriter(), error, TestContext.Current.CancellationToken);
        Assert.Equal(2, code);
        Assert.Contains("--answers FILE.json", error.ToString(), StringComparison.Ordinal);
    }
}
