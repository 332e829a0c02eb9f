using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Benchmarks.Tests;

public sealed class FitCommandTests
{
    // The README's answers example: known, distrusting writers who want public verifiability.
    private const string ReadmeAnswers = """
        {
          "answers": {
            "needs_shared_state": true, "multiple_writers": true, "trusted_third_party_available": false,
            "all_writers_known": true, "all_writers_trusted": false, "public_verifiability": true,
            "access_rules_differ": true, "transaction_rules_stable": true, "needs_immutable_log": true,
            "records_never_updated": true, "sensitive_data_on_ledger": false, "needs_digital_asset": false
          },
          "requirements": { "writes_per_second": 50, "acceptable_latency_seconds": 30,
                            "records_per_year": 100000, "budget_usd_per_year": 20000,
                            "erasure_of_personal_data_required": true },
          "benchmark_results": "bench-results/results.json"
        }
        """;

    [Fact]
    public async Task Fit_results_option_overrides_a_missing_benchmark_results_path_of_the_answers_file_and_resolves_against_the_current_directory()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory("fit-cli");
        var answersDir = Directory.CreateDirectory(Path.Combine(dir, "x")).FullName;
        await File.WriteAllTextAsync(Path.Combine(answersDir, "answers.json"), ReadmeAnswers, ct);
        await WriteResultsAsync(Path.Combine(dir, "elsewhere"), ct);
        Assert.False(File.Exists(Path.Combine(answersDir, "bench-results", "results.json")));
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(dir, "elsewhere", "results.json"));
        Assert.False(Path.IsPathRooted(relative));

        var (code, output, error) = await FitAsync(["fit", "--answers", Path.Combine(answersDir, "answers.json"), "--results", relative, "--json"], ct);

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("PermissionedBlockchain", json.RootElement.GetProperty("verdict").GetString());
        var findings = json.RootElement.GetProperty("reasons").EnumerateArray().Select(x => x.GetProperty("finding").GetString()!).ToList();
        Assert.Contains(findings, f => f.Contains("measured 66 records/s on anvil, write (one record per transaction, each awaited), at N=100000", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("100,000 records/year x 1.8822 USD/record", StringComparison.Ordinal) && f.Contains("= 188,220 USD/year", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fit_results_option_that_does_not_exist_names_the_full_path_under_the_current_directory()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory("fit-cli");
        await File.WriteAllTextAsync(Path.Combine(dir, "answers.json"), ReadmeAnswers, ct);
        await WriteResultsAsync(Path.Combine(dir, "bench-results"), ct);

        var (code, _, error) = await FitAsync(["fit", "--answers", Path.Combine(dir, "answers.json"), "--results", "no-such-dir/results.json"], ct);

        Assert.Equal(2, code);
        Assert.Contains($"Benchmark results not found at {Path.Combine(Directory.GetCurrentDirectory(), "no-such-dir", "results.json")}:", error, StringComparison.Ordinal);
        Assert.Contains("resolves against the current directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_answers_file_benchmark_results_resolves_against_the_answers_file_folder()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory("fit-cli");
        var answersDir = Directory.CreateDirectory(Path.Combine(dir, "x")).FullName;
        await File.WriteAllTextAsync(Path.Combine(answersDir, "answers.json"), ReadmeAnswers, ct);

        var (missingCode, _, missingError) = await FitAsync(["fit", "--answers", Path.Combine(answersDir, "answers.json")], ct);
        Assert.Equal(2, missingCode);
        Assert.Contains($"Benchmark results not found at {Path.Combine(answersDir, "bench-results", "results.json")}:", missingError, StringComparison.Ordinal);
        Assert.Contains("resolves against the answers file's folder", missingError, StringComparison.Ordinal);
        Assert.Contains("--results", missingError, StringComparison.Ordinal);

        await WriteResultsAsync(Path.Combine(answersDir, "bench-results"), ct);
        var (code, output, error) = await FitAsync(["fit", "--answers", Path.Combine(answersDir, "answers.json"), "--json"], ct);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("PermissionedBlockchain", json.RootElement.GetProperty("verdict").GetString());
        Assert.Contains(json.RootElement.GetProperty("reasons").EnumerateArray(), x => x.GetProperty("finding").GetString()!.Contains("= 188,220 USD/year", StringComparison.Ordinal));
    }

    private static async Task WriteResultsAsync(string dir, CancellationToken ct)
    {
        var run = new BenchmarkRun(new BenchmarkOptions(), MachineDescription.Current(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
        [
            new BenchmarkResult { Backend = "anvil", Workload = "write", N = 100_000, RateControl = "fixed-load", Succeeded = 100_000, ThroughputTps = 66, Latency = LatencyStats.From([10, 20]), GasPerRecord = 31_370, CostPerRecordUsd = 1.8822 },
        ]);
        await BenchmarkReport.WriteAsync(run, dir, ct);
    }

    private static async Task<(int Code, string Output, string Error)> FitAsync(string[] args, CancellationToken ct)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(args, output, error, ct);
        return (code, output.ToString(), error.ToString());
    }
}
