using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Verification.Tests;

/// <summary>`collab correct`, `collab erase` and `collab corrections` end to end, in process, on the shared anchored chain.</summary>
public class CorrectionCliTests(AnchoredChain chain) : IClassFixture<AnchoredChain>
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
    public async Task A_corrected_record_shows_its_history_and_a_proof_of_an_erased_record_fails_with_erased()
    {
        var anchor = chain.CopyAnchor();
        var proofOfRow3 = Path.Combine(RepoPaths.NewTempDirectory("cli-correct"), "row3.json");
        Assert.Equal(0, (await RunAsync("proof", "make", "--anchor", anchor, "--record", "outcomes.csv:3", "--out", proofOfRow3)).Code);

        var corrected = await RunAsync("correct", "--anchor", anchor, "--record", "outcomes.csv:2", "--set", "outcome=achieved", "--set", "amount=1200.00",
            "--reason", "validator re-checked the employment evidence", "--rpc", chain.Node.Url);
        var erased = await RunAsync("erase", "--anchor", anchor, "--record", "outcomes.csv:3", "--reason", "data subject's erasure request");
        var history = await RunAsync("corrections", "--anchor", anchor, "--record", "outcomes.csv:2", "--json");
        var view = Path.Combine(RepoPaths.NewTempDirectory("cli-view"), "view");
        var listed = await RunAsync("corrections", "--anchor", anchor, "--out", view);
        var verifyErased = await RunAsync("proof", "verify", proofOfRow3, "--rpc", chain.Node.Url, "--data", Path.Combine(anchor, "data"));
        var proofOfRow2 = Path.Combine(Path.GetDirectoryName(proofOfRow3)!, "row2.json");
        Assert.Equal(0, (await RunAsync("proof", "make", "--anchor", anchor, "--record", "outcomes.csv:2", "--out", proofOfRow2)).Code);
        var verifyCorrected = await RunAsync("proof", "verify", proofOfRow2, "--rpc", chain.Node.Url);

        Assert.True(corrected.Code == 0, corrected.Err);
        Assert.Contains("Corrected outcomes.csv:2: outcome = 'achieved', amount = '1200.00' (validator re-checked the employment evidence)", corrected.Out, StringComparison.Ordinal);
        Assert.True(erased.Code == 0, erased.Err);
        Assert.Contains("Erased outcomes.csv:3 (data subject's erasure request)", erased.Out, StringComparison.Ordinal);

        Assert.Equal(0, history.Code);
        using (var doc = JsonDocument.Parse(history.Out))
        {
            var columns = doc.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
            var cells = doc.RootElement.GetProperty("cells").EnumerateArray().Select(c => c.GetString()).ToList();
            Assert.Equal("achieved", cells[columns.IndexOf("outcome")]);
            Assert.Equal("1200.00", cells[columns.IndexOf("amount")]);
            var step = Assert.Single(doc.RootElement.GetProperty("history").EnumerateArray());
            Assert.Equal("validator re-checked the employment evidence", step.GetProperty("reason").GetString());
            Assert.StartsWith("0x", step.GetProperty("transaction_hash").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, listed.Code);
        Assert.Contains("1 correction(s), 1 erasure(s)", listed.Out, StringComparison.Ordinal);
        var viewCsv = await File.ReadAllTextAsync(Path.Combine(view, "outcomes.csv"), Ct);
        Assert.DoesNotContain("not achieved", viewCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("wellbeing, self-reported", viewCsv, StringComparison.Ordinal);
        Assert.Contains("outcomes.csv:2,outcome,achieved,validator re-checked the employment evidence", await File.ReadAllTextAsync(Path.Combine(view, "corrections.csv"), Ct), StringComparison.Ordinal);

        Assert.Equal(1, verifyErased.Code);
        Assert.Contains("NOT PROVEN: erased", verifyErased.Out, StringComparison.Ordinal);
        Assert.Equal(0, verifyCorrected.Code);
        Assert.Contains("validator re-checked the employment evidence", verifyCorrected.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_with_either_engine_and_link_read_an_anchor_folder_as_its_corrected_view_and_show_the_correction_history()
    {
        var books = Path.Combine(RepoPaths.NewTempDirectory("cli-corrected-books"), "books");
        Assert.Equal(0, (await RunAsync("generate", "--seed", "5", "--projects", "3", "--out", books)).Code);
        var anchor = Path.Combine(RepoPaths.NewTempDirectory("cli-corrected-anchor"), "anchor");
        var anchored = await RunAsync("anchor", "--data", books, "--rpc", chain.Node.Url, "--out", anchor, "--identifiers", "none");
        Assert.True(anchored.Code == 0, anchored.Err);
        var payments = await File.ReadAllLinesAsync(Path.Combine(books, "projects_outcome_payments.csv"), Ct);
        var row = Array.FindIndex(payments, 1, l => l.Contains(",Actual,", StringComparison.Ordinal));
        var corrected = await RunAsync("correct", "--anchor", anchor, "--record", $"projects_outcome_payments.csv:{row}", "--set", "Payments - Amount - (Value)=99999",
            "--reason", "invoice re-issued", "--rpc", chain.Node.Url);
        Assert.True(corrected.Code == 0, corrected.Err);

        // The original books stand in for the other side: only the corrected payment differs.
        var reconciled = await RunAsync("reconcile", "--offchain", anchor, "--onchain", books, "--json");
        var duck = await RunAsync("reconcile", "--offchain", anchor, "--onchain", books, "--engine", "duckdb", "--json");
        var linkDir = Path.Combine(RepoPaths.NewTempDirectory("cli-corrected-link"), "link");
        var linked = await RunAsync("link", "--data", anchor, "--out", linkDir);

        Assert.True(reconciled.Code == 0, reconciled.Err);
        using var doc = JsonDocument.Parse(reconciled.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("counts").GetProperty("amount_mismatch").GetInt64());
        var history = doc.RootElement.GetProperty("corrected_view").GetProperty("history").EnumerateArray().Select(h => h.GetString()).ToList();
        Assert.Equal($"projects_outcome_payments.csv:{row}", Assert.Single(doc.RootElement.GetProperty("corrected_view").GetProperty("corrections").EnumerateArray()).GetProperty("record").GetString());
        Assert.Contains("-> '99999' (invoice re-issued)", Assert.Single(history), StringComparison.Ordinal);
        Assert.True(duck.Code == 0, duck.Err);
        using (var duckDoc = JsonDocument.Parse(duck.Out))
        {
            Assert.Equal(1, duckDoc.RootElement.GetProperty("counts").GetProperty("amount_mismatch").GetInt64());
        }

        Assert.True(linked.Code == 0, linked.Err);
        var report = await File.ReadAllTextAsync(Path.Combine(linkDir, "report.html"), Ct);
        Assert.Contains("1 correction(s) applied", report, StringComparison.Ordinal);
        Assert.Contains("(invoice re-issued)", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_with_a_set_that_is_not_field_equals_value_exits_2_naming_the_form()
    {
        var result = await RunAsync("correct", "--anchor", chain.CopyAnchor(), "--record", "outcomes.csv:2", "--set", "outcome", "--reason", "x", "--rpc", chain.Node.Url);

        Assert.Equal(2, result.Code);
        Assert.Contains("is not FIELD=VALUE", result.Err, StringComparison.Ordinal);
    }
}
