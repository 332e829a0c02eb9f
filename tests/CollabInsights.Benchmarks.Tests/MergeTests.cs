using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Benchmarks.Tests;

public sealed class MergeTests
{
    private static BenchmarkOptions Small(string backend, long n) => new()
    {
        Backends = [backend],
        Sizes = [n],
        Workloads = ["write", "point-lookup", "tamper"],
        LookupOperations = 10,
        Seed = 9,
    };

    [Fact]
    public async Task Runs_of_different_backends_and_sizes_merge_into_one_table_keeping_each_configuration()
    {
        var ct = TestContext.Current.CancellationToken;
        var plain = await BenchmarkRunner.RunAsync(Small("sqlite", 30), null, ct);
        var chained = await BenchmarkRunner.RunAsync(Small("hashchain-sqlite", 20) with { Workloads = ["write", "tamper"] }, null, ct);

        var merged = BenchmarkMerge.Merge([chained, plain], ["b/results.json", "a/results.json"]);

        Assert.Equal(plain.Results.Count + chained.Results.Count, merged.Results.Count);
        Assert.Equal(["sqlite", "hashchain-sqlite"], merged.Options.Backends);
        Assert.Equal([20L, 30L], merged.Options.Sizes);
        Assert.Equal(["write", "point-lookup", "tamper"], merged.Options.Workloads);
        Assert.Equal("sqlite", merged.Results[0].Backend); // report order, not argument order
        Assert.Equal(plain.Results, merged.Results.Where(r => r.Backend == "sqlite"));
        Assert.Equal(new[] { plain.StartedUtc, chained.StartedUtc }.Min(), merged.StartedUtc);
        Assert.Equal(new[] { plain.FinishedUtc, chained.FinishedUtc }.Max(), merged.FinishedUtc);
        Assert.NotNull(merged.Parts);
        Assert.Equal(["b/results.json", "a/results.json"], merged.Parts.Select(p => p.Source));
        Assert.Equal(["write", "tamper"], merged.Parts[0].Options.Workloads);

        var dir = RepoPaths.NewTempDirectory("bench-merge");
        var files = await BenchmarkReport.WriteAsync(merged, dir, ct);
        var back = await BenchmarkReport.ReadAsync(files[0], ct);
        Assert.Equal(merged.Results, back.Results);
        Assert.Equal(2, back.Parts!.Count);
        Assert.Equal(30L, back.Parts[1].Options.Sizes.Single());
        var html = await File.ReadAllTextAsync(files[2], ct);
        Assert.Contains("merged from 2 runs", html, StringComparison.Ordinal);
        Assert.Contains("b/results.json", html, StringComparison.Ordinal);

        // A merged run merges again: its parts are kept, not nested.
        var third = await BenchmarkRunner.RunAsync(Small("sqlite", 50), null, ct);
        var again = BenchmarkMerge.Merge([back, third], [files[0], "c/results.json"]);
        Assert.Equal(["b/results.json", "a/results.json", "c/results.json"], again.Parts!.Select(p => p.Source));
    }

    [Fact]
    public async Task Runs_configured_differently_measured_twice_or_on_other_machines_are_refused_with_the_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await BenchmarkRunner.RunAsync(Small("sqlite", 20), null, ct);
        var seeded = await BenchmarkRunner.RunAsync(Small("hashchain-sqlite", 20) with { Seed = 10, BatchSize = 7 }, null, ct);

        var ex = Assert.Throws<CollabInsightsException>(() => BenchmarkMerge.Merge([a, seeded], ["a", "b"]));
        Assert.Contains("seed: 9 vs 10", ex.Message, StringComparison.Ordinal);
        Assert.Contains("batch_size: 100 vs 7", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<CollabInsightsException>(() => BenchmarkMerge.Merge([a, a], ["a", "again"]));
        Assert.Contains("sqlite write at N=20 was measured in both a and again", ex.Message, StringComparison.Ordinal);

        var elsewhere = a with { Machine = a.Machine with { LogicalCores = a.Machine.LogicalCores + 6 }, Results = [] };
        ex = Assert.Throws<CollabInsightsException>(() => BenchmarkMerge.Merge([a, elsewhere], ["a", "b"]));
        Assert.Contains("another machine", ex.Message, StringComparison.Ordinal);
        Assert.Contains("logical_cores", ex.Message, StringComparison.Ordinal);

        Assert.Throws<CollabInsightsException>(() => BenchmarkMerge.Merge([a], ["a"]));
    }

    [Fact]
    public async Task Bench_merge_reads_run_folders_and_writes_the_merged_report()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = RepoPaths.NewTempDirectory("bench-merge");
        var second = RepoPaths.NewTempDirectory("bench-merge");
        var merged = Path.Combine(RepoPaths.NewTempDirectory("bench-merge"), "all");
        await BenchmarkReport.WriteAsync(await BenchmarkRunner.RunAsync(Small("sqlite", 20), null, ct), first, ct);
        await BenchmarkReport.WriteAsync(await BenchmarkRunner.RunAsync(Small("hashchain-sqlite", 20), null, ct), second, ct);

        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(["bench", "merge", "--runs", $"{first},{Path.Combine(second, "results.json")}", "--out", merged, "--json"], output, error, ct);

        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(6, json.RootElement.GetProperty("results").GetArrayLength());
        Assert.Equal(2, json.RootElement.GetProperty("parts").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(merged, "report.html")));

        error = new StringWriter();
        code = await CollabCli.InvokeAsync(["bench", "merge", "--runs", $"{first},{first}", "--out", merged], new StringWriter(), error, ct);
        Assert.Equal(2, code);
        Assert.Contains("measured in both", error.ToString(), StringComparison.Ordinal);
    }
}
