using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Verification.Tests;

/// <summary>`collab anchor`, `collab proof make|verify` and `collab bench merkle` in process.</summary>
public class VerificationCliTests(AnchoredChain chain) : IClassFixture<AnchoredChain>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Anchor_then_proof_make_and_verify_exit_0_when_proven_and_1_when_the_data_changed()
    {
        var anchor = Path.Combine(RepoPaths.NewTempDirectory("cli-anchor"), "a");
        var key = Path.Combine(RepoPaths.NewTempDirectory("cli-key"), "controller.key");
        var proofFile = Path.Combine(anchor, "..", "proof.json");

        var anchored = await RunAsync("anchor", "--data", chain.DataDir, "--rpc", chain.Node.Url, "--out", anchor, "--key-file", key);
        var made = await RunAsync("proof", "make", "--anchor", anchor, "--record", "outcomes.csv:2", "--fields", "outcome", "--out", proofFile);
        var proven = await RunAsync("proof", "verify", proofFile, "--rpc", chain.Node.Url, "--data", Path.Combine(anchor, "data"));
        var csv = Path.Combine(anchor, "data", "outcomes.csv");
        await File.WriteAllTextAsync(csv, (await File.ReadAllTextAsync(csv, Ct)).Replace("not achieved", "achieved", StringComparison.Ordinal), Ct);
        var changed = await RunAsync("proof", "verify", proofFile, "--rpc", chain.Node.Url, "--data", Path.Combine(anchor, "data"));

        Assert.Equal(0, anchored.Code);
        Assert.Contains("Anchored 6 records (36 leaves, 2 file(s))", anchored.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(key));
        Assert.True(File.Exists(Path.Combine(anchor, "salts.json")));
        Assert.Equal(0, made.Code);
        Assert.Equal(0, proven.Code);
        Assert.Contains("PROVEN: field(s) outcome = 'not achieved' of record outcomes.csv:2", proven.Out, StringComparison.Ordinal);
        Assert.Equal(1, changed.Code);
        Assert.Contains("NOT PROVEN: changed record:", changed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proof_make_with_a_bad_record_reference_exits_2_naming_the_form()
    {
        var result = await RunAsync("proof", "make", "--anchor", chain.AnchorDir, "--record", "outcomes.csv", "--out", Path.Combine(RepoPaths.NewTempDirectory(), "p.json"));

        Assert.Equal(2, result.Code);
        Assert.Contains("is not FILE:ROW", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_merkle_at_a_tiny_size_writes_its_results_with_agreeing_roots()
    {
        var file = Path.Combine(RepoPaths.NewTempDirectory("bench-merkle"), "merkle.json");
        var result = await RunAsync("bench", "merkle", "--leaves", "300", "--proofs", "20", "--out", file);

        Assert.Equal(0, result.Code);
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(file, Ct));
        Assert.Equal(300, json.RootElement.GetProperty("leaves").GetInt32());
        Assert.True(json.RootElement.GetProperty("roots_agree").GetBoolean());
        Assert.True(json.RootElement.GetProperty("proofs_agree").GetBoolean());
        Assert.True(json.RootElement.GetProperty("openzeppelin_merkle_tree").GetProperty("build_ms").GetDouble() > 0);
        Assert.Contains("same root: yes", result.Out, StringComparison.Ordinal);
    }
}
