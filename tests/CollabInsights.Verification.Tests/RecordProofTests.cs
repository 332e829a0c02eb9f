using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using CollabInsights.Tests.Shared;
using CollabInsights.Verification;

namespace CollabInsights.Verification.Tests;

/// <summary>Anchor on Anvil, prove, and every way a proof must fail, each with its own answer.</summary>
public class RecordProofTests(AnchoredChain chain) : IClassFixture<AnchoredChain>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Data(string anchorDir) => Path.Combine(anchorDir, DatasetCommitment.DataFolder);

    [Fact]
    public async Task A_whole_record_proof_is_proven_against_the_anchor_on_chain_and_the_data()
    {
        var proof = await RecordProofs.MakeAsync(chain.AnchorDir, "outcomes.csv", 3, cancellationToken: Ct);
        var result = await RecordProofs.VerifyAsync(proof, chain.Node.Web3, new ProofVerifyOptions { DataPath = Data(chain.AnchorDir) }, Ct);

        Assert.True(result.Proven, result.Message);
        Assert.Contains("the whole record outcomes.csv:3", result.Message, StringComparison.Ordinal);
        Assert.Contains(result.Checks, c => c.Contains("is anchored on chain 31337", StringComparison.Ordinal) && c.Contains(chain.Manifest.Anchor!.TransactionHash, StringComparison.Ordinal));
        Assert.Contains("wellbeing, self-reported", proof.Disclosed[0].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("P-0003", proof.Disclosed[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_proof_discloses_only_the_fields_asked_for_and_is_proven()
    {
        var proof = await RecordProofs.MakeAsync(chain.AnchorDir, "outcomes.csv", 2, ["outcome", "amount"], Ct);
        var text = JsonSerializer.Serialize(proof, AnchorManifest.Json);
        var result = await RecordProofs.VerifyAsync(proof, chain.Node.Web3, cancellationToken: Ct);

        Assert.True(result.Proven, result.Message);
        Assert.Equal(["outcome", "amount"], proof.Disclosed.Select(d => d.Field));
        Assert.Equal(["patient_id", "project", "metric", "period"], proof.HiddenFields);
        Assert.DoesNotContain("sustained_employment", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hmac-sha256", text, StringComparison.Ordinal);
        Assert.Contains("outcome = 'not achieved', amount = '0.00'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proofs_verify_on_chain_with_openzeppelin_merkle_proof_and_a_tampered_value_does_not()
    {
        var verifier = await OnChainProofVerifier.DeployAsync(chain.Node.DevAccount(1), Ct);
        var whole = await RecordProofs.MakeAsync(chain.AnchorDir, "intake/referrals.csv", 2, cancellationToken: Ct);
        var fields = await RecordProofs.MakeAsync(chain.AnchorDir, "outcomes.csv", 4, ["amount", "metric"], Ct);

        Assert.True(await verifier.VerifyAsync(whole, Ct));
        Assert.True(await verifier.VerifyAsync(fields, Ct));
        var tampered = fields with { Disclosed = [fields.Disclosed[0] with { Value = "2,000.00" }] };
        Assert.False(await verifier.VerifyAsync(tampered, Ct));
    }

    [Fact]
    public async Task Proofs_made_by_us_verify_in_openzeppelin_merkle_tree()
    {
        var proof = await RecordProofs.MakeAsync(chain.AnchorDir, "outcomes.csv", 1, ["patient_id", "outcome"], Ct);
        var values = proof.Disclosed.Select(d => new DatasetLeaf(proof.Record, d.Field, d.Value, d.Salt.HexToByteArray())).ToList();
        var proofs = proof.Disclosed.Select((d, i) => (values[i], (IReadOnlyList<byte[]>)d.Proof.Select(h => h.HexToByteArray()).ToList())).ToList();
        var result = await MerkleAgreementTests.RunCheckAsync(values, [0], proofs, proof.Root, Ct);

        Assert.All(result.GetProperty("verified").EnumerateArray(), v => Assert.True(v.GetBoolean()));
        Assert.Equal(2, result.GetProperty("verified").GetArrayLength());
    }

    [Fact]
    public async Task A_record_changed_in_the_data_after_anchoring_fails_as_changed()
    {
        var anchor = chain.CopyAnchor();
        var proof = await RecordProofs.MakeAsync(anchor, "outcomes.csv", 1, ["amount"], Ct);
        var file = Path.Combine(Data(anchor), "outcomes.csv");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, Ct)).Replace("achieved,1200.00", "achieved,1900.00", StringComparison.Ordinal), Ct);

        var result = await RecordProofs.VerifyAsync(proof, chain.Node.Web3, new ProofVerifyOptions { DataPath = Data(anchor) }, Ct);

        Assert.Equal(ProofOutcome.RecordChanged, result.Outcome);
        Assert.StartsWith("changed record:", result.Message, StringComparison.Ordinal);
        Assert.Contains("amount is '1200.00' in the proof and '1900.00' in the data", result.Message, StringComparison.Ordinal);
        Assert.Throws<CollabInsightsException>(() => RecordProofs.MakeAsync(anchor, "outcomes.csv", 1, ["amount"], Ct).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task A_disclosed_value_altered_in_the_proof_fails_as_changed()
    {
        var proof = await RecordProofs.MakeAsync(chain.AnchorDir, "outcomes.csv", 2, ["outcome"], Ct);
        var forged = proof with { Disclosed = [proof.Disclosed[0] with { Value = "achieved" }] };

        var result = await RecordProofs.VerifyAsync(forged, chain.Node.Web3, new ProofVerifyOptions { DataPath = Data(chain.AnchorDir) }, Ct);

        Assert.Equal(ProofOutcome.RecordChanged, result.Outcome);
        Assert.Contains("outcome is 'achieved' in the proof and 'not achieved' in the data", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_salt_fails_as_wrong_salt()
    {
        var proof = await RecordProofs.MakeAsync(chain.AnchorDir, "outcomes.csv", 2, ["outcome"], Ct);
        var wrong = proof with { Disclosed = [proof.Disclosed[0] with { Salt = (new byte[32]).ToHex(true) }] };

        var withData = await RecordProofs.VerifyAsync(wrong, chain.Node.Web3, new ProofVerifyOptions { DataPath = Data(chain.AnchorDir) }, Ct);
        var withoutData = await RecordProofs.VerifyAsync(wrong, chain.Node.Web3, cancellationToken: Ct);

        Assert.Equal(ProofOutcome.WrongSalt, withData.Outcome);
        Assert.StartsWith("wrong salt:", withData.Message, StringComparison.Ordinal);
        Assert.Equal(ProofOutcome.LeafMismatch, withoutData.Outcome);
    }

    [Fact]
    public async Task A_proof_under_a_root_nobody_anchored_fails_as_unanchored()
    {
        var anchor = chain.CopyAnchor();
        var other = await DatasetCommitment.BuildAsync(Path.Combine(Data(anchor), "outcomes.csv"), new DatasetCommitmentOptions { ControllerKey = AnchoredChain.ControllerKey, IdentifierColumns = [] }, Ct);
        await other.WriteAsync(anchor, Ct);
        var manifest = chain.Manifest with { Root = other.RootHex, LeafCount = other.LeafCount, RecordCount = other.RecordCount, Files = other.Files };
        await manifest.WriteAsync(anchor, Ct);
        var proof = await RecordProofs.MakeAsync(anchor, "outcomes.csv", 1, cancellationToken: Ct);

        var result = await RecordProofs.VerifyAsync(proof, chain.Node.Web3, cancellationToken: Ct);

        Assert.Equal(ProofOutcome.Unanchored, result.Outcome);
        Assert.StartsWith("unanchored root:", result.Message, StringComparison.Ordinal);
        Assert.Contains(other.RootHex, result.Message, StringComparison.Ordinal);
        Assert.Contains(result.Checks, c => c.Contains("sibling path leads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_erased_record_cannot_be_proven_and_its_old_proofs_fail_as_erased_while_later_rows_still_prove()
    {
        var anchor = chain.CopyAnchor();
        var before = await RecordProofs.MakeAsync(anchor, "outcomes.csv", 2, cancellationToken: Ct);
        var erasure = await ErasureRegister.EraseAsync(anchor, "outcomes.csv", 2, "data subject's erasure request", new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.Zero), Ct);

        var make = await Assert.ThrowsAsync<CollabInsightsException>(() => RecordProofs.MakeAsync(anchor, "outcomes.csv", 2, cancellationToken: Ct));
        var result = await RecordProofs.VerifyAsync(before, chain.Node.Web3, new ProofVerifyOptions { DataPath = Data(anchor) }, Ct);
        var later = await RecordProofs.MakeAsync(anchor, "outcomes.csv", 3, cancellationToken: Ct);
        var laterResult = await RecordProofs.VerifyAsync(later, chain.Node.Web3, new ProofVerifyOptions { DataPath = Data(anchor) }, Ct);

        Assert.Contains("was erased on 2026-01-05 09:30 UTC", make.Message, StringComparison.Ordinal);
        Assert.Equal(ProofOutcome.Erased, result.Outcome);
        Assert.StartsWith("erased:", result.Message, StringComparison.Ordinal);
        Assert.Contains("the chain keeps only the root", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("P-0002", await File.ReadAllTextAsync(Path.Combine(Data(anchor), "outcomes.csv"), Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("sustained_employment,2025-01,not achieved", await File.ReadAllTextAsync(Path.Combine(Data(anchor), "outcomes.csv"), Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("outcomes.csv:2\"", await File.ReadAllTextAsync(Path.Combine(anchor, DatasetCommitment.SaltsFileName), Ct), StringComparison.Ordinal);
        Assert.Equal(7, erasure.Leaves.Count);
        Assert.True(laterResult.Proven, laterResult.Message);
        Assert.Contains("now row 2", laterResult.Checks[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_root_with_fewer_confirmations_than_required_is_not_proven_until_blocks_follow()
    {
        var proof = await RecordProofs.MakeAsync(chain.AnchorDir, "outcomes.csv", 1, ["period"], Ct);
        var head = await chain.Node.Web3.BlockNumberAsync(Ct);
        var needed = (int)(head - chain.Manifest.Anchor!.BlockNumber + 1) + 3;

        var early = await RecordProofs.VerifyAsync(proof, chain.Node.Web3, new ProofVerifyOptions { Confirmations = needed }, Ct);
        await chain.Node.MineAsync(3, Ct);
        var late = await RecordProofs.VerifyAsync(proof, chain.Node.Web3, new ProofVerifyOptions { Confirmations = needed }, Ct);

        Assert.Equal(ProofOutcome.TooFewConfirmations, early.Outcome);
        Assert.True(late.Proven, late.Message);
    }

    [Fact]
    public async Task A_forged_sibling_path_fails_as_an_invalid_path()
    {
        var proof = await RecordProofs.MakeAsync(chain.AnchorDir, "outcomes.csv", 1, ["period"], Ct);
        var path = proof.Disclosed[0].Proof.ToList();
        path[0] = (new byte[32]).ToHex(true);
        var result = await RecordProofs.VerifyAsync(proof with { Disclosed = [proof.Disclosed[0] with { Proof = path }] }, chain.Node.Web3, cancellationToken: Ct);

        Assert.Equal(ProofOutcome.PathInvalid, result.Outcome);
        Assert.StartsWith("invalid path:", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pseudonyms_link_the_same_patient_across_files_without_naming_them()
    {
        var outcomes = await OffChain.CsvFile.ReadAsync(Path.Combine(Data(chain.AnchorDir), "outcomes.csv"), Ct);
        var referrals = await OffChain.CsvFile.ReadAsync(Path.Combine(Data(chain.AnchorDir), "intake", "referrals.csv"), Ct);

        Assert.Equal(outcomes.Rows[0][0], outcomes.Rows[3][0]);
        Assert.Equal(outcomes.Rows[0][0], referrals.Rows[0][0]);
        Assert.NotEqual(outcomes.Rows[0][0], outcomes.Rows[1][0]);
        Assert.All(outcomes.Rows.Concat(referrals.Rows), r => Assert.StartsWith(Pseudonymiser.Prefix, r[0], StringComparison.Ordinal));
        Assert.All(chain.Manifest.Files, f => Assert.Equal(["patient_id"], f.IdentifierColumns));
    }
}
