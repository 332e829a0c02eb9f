using CollabInsights.Verification;

namespace CollabInsights.Verification.Tests;

/// <summary>Corrections on the append-only record: a correcting record names the original and why, on chain and in the data; readers use the corrected view.</summary>
public class CorrectionTests(AnchoredChain chain) : IClassFixture<AnchoredChain>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_correction_is_anchored_linked_on_chain_applied_in_the_corrected_view_and_named_when_the_original_is_proven()
    {
        var anchor = chain.CopyAnchor();
        var before = await RecordProofs.MakeAsync(anchor, "outcomes.csv", 4, ["amount"], Ct);

        var correction = await DatasetCorrections.CorrectAsync(anchor, "outcomes.csv", 4, new Dictionary<string, string> { ["amount"] = "100.00" },
            "amount keyed with an extra zero", chain.Node.Web3, when: new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero), cancellationToken: Ct);
        var view = await DatasetCorrections.CorrectedRowsAsync(anchor, "outcomes.csv", Ct);
        var original = await RecordProofs.VerifyAsync(before, chain.Node.Web3, new ProofVerifyOptions { DataPath = Path.Combine(anchor, "data") }, Ct);
        var correctingProof = await RecordProofs.MakeAsync(Path.Combine(anchor, correction.CorrectionFolder), "correction.csv", 1, ["corrects", "reason", "amount"], Ct);
        var correcting = await RecordProofs.VerifyAsync(correctingProof, chain.Node.Web3, cancellationToken: Ct);
        var onChain = await DatasetCorrections.FindOnChainAsync(chain.Node.Web3, chain.Manifest.Anchor!.Ledger, chain.Manifest.Root, Ct);
        var viewDir = Path.Combine(anchor, "..", "corrected");
        await DatasetCorrections.WriteCorrectedViewAsync(anchor, viewDir, Ct);

        Assert.Equal("100.00", view.Single(r => r.Record == "outcomes.csv:4").Cells[5]);
        Assert.Single(view.Single(r => r.Record == "outcomes.csv:4").History);
        Assert.All(view.Where(r => r.Record != "outcomes.csv:4"), r => Assert.Empty(r.History));
        Assert.Equal("1,000.00", before.Disclosed[0].Value);
        Assert.True(original.Proven, original.Message);
        Assert.Contains("since been corrected 1 time(s) on the ledger (latest: 'amount keyed with an extra zero')", original.Message, StringComparison.Ordinal);
        Assert.True(correcting.Proven, correcting.Message);
        Assert.Contains("corrects = 'outcomes.csv:4'", correcting.Message, StringComparison.Ordinal);
        Assert.Contains(onChain, c => c.Record == "outcomes.csv:4" && c.Reason == "amount keyed with an extra zero" && c.TransactionHash == correction.TransactionHash
            && string.Equals(c.CorrectionRoot, correction.CorrectionRoot, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("outcomes.csv:4,amount,100.00,amount keyed with an extra zero,2026-02-01T12:00:00Z", await File.ReadAllTextAsync(Path.Combine(viewDir, "corrections.csv"), Ct), StringComparison.Ordinal);
        Assert.Contains("wellbeing,2025-03,achieved,100.00", await File.ReadAllTextAsync(Path.Combine(viewDir, "outcomes.csv"), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_without_a_reason_or_of_an_unknown_field_is_refused()
    {
        var anchor = chain.CopyAnchor();

        var noReason = await Assert.ThrowsAsync<CollabInsightsException>(() => DatasetCorrections.CorrectAsync(anchor, "outcomes.csv", 1, new Dictionary<string, string> { ["amount"] = "1.00" }, " ", chain.Node.Web3, cancellationToken: Ct));
        var unknown = await Assert.ThrowsAsync<CollabInsightsException>(() => DatasetCorrections.CorrectAsync(anchor, "outcomes.csv", 1, new Dictionary<string, string> { ["price"] = "1.00" }, "typo", chain.Node.Web3, cancellationToken: Ct));

        Assert.Contains("a reason", noReason.Message, StringComparison.Ordinal);
        Assert.Contains("has no column 'price'", unknown.Message, StringComparison.Ordinal);
    }
}
