using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using CollabInsights.Tests.Shared;
using CollabInsights.Verification;
using CollabInsights.Verification.Internal;

namespace CollabInsights.Verification.Tests;

/// <summary>Our tree against the npm @openzeppelin/merkle-tree library (pinned in package-lock.json), run on the same leaves in this test run.</summary>
public class MerkleAgreementTests
{
    [Fact]
    public async Task Roots_and_proofs_equal_openzeppelin_merkle_tree_and_our_proofs_verify_there()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var size in new[] { 1, 2, 3, 5, 8, 13, 64, 257 })
        {
            var values = MerkleBenchmark.Generate(size, seed: size);
            var tree = StandardMerkleTree.Build(values.Select(v => v.Hash()).ToList());
            var indices = Enumerable.Range(0, size).Where(i => i % Math.Max(1, size / 7) == 0).ToList();
            var proofs = indices.Select(i => (values[i], tree.GetProof(i))).ToList();
            var tampered = (values[0] with { Value = values[0].Value + "x" }, tree.GetProof(0));
            proofs.Add(tampered);
            var result = await RunCheckAsync(values, indices, proofs, tree.RootHex, ct);

            Assert.Equal(result.GetProperty("root").GetString(), tree.RootHex);
            foreach (var i in indices)
            {
                var theirs = result.GetProperty("proofs").GetProperty(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).EnumerateArray().Select(p => p.GetString()!).ToList();
                Assert.Equal(theirs, tree.GetProof(i).Select(p => p.ToHex(true)).ToList());
            }

            var verified = result.GetProperty("verified").EnumerateArray().Select(v => v.GetBoolean()).ToList();
            Assert.All(verified.Take(indices.Count), Assert.True);
            Assert.False(verified[^1]);
        }
    }

    [Fact]
    public async Task An_anchored_datasets_root_and_field_proofs_verify_in_openzeppelin_merkle_tree()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = RepoPaths.NewTempDirectory("verify-oz");
        await File.WriteAllTextAsync(Path.Combine(dir, "outcomes.csv"), AnchoredChain.Outcomes + "\n", ct);
        var commitment = await DatasetCommitment.BuildAsync(dir, new DatasetCommitmentOptions { ControllerKey = AnchoredChain.ControllerKey }, ct);
        var file = commitment.Files[0];
        var values = new List<DatasetLeaf>();
        for (var r = 1; r <= file.Records; r++)
        {
            values.AddRange(DatasetCommitment.RecordLeaves(DatasetCommitment.RecordKey(file.Path, r), file.Columns, commitment.PseudonymisedRows[0][r - 1], commitment.RecordSalts[DatasetCommitment.RecordKey(file.Path, r)]));
        }

        Assert.Equal(commitment.LeafCount, values.Count);
        var proofs = Enumerable.Range(0, values.Count).Select(i => (values[i], commitment.Tree.GetProof(i))).ToList();
        var result = await RunCheckAsync(values, [0], proofs, commitment.RootHex, ct);

        Assert.Equal(commitment.RootHex, result.GetProperty("root").GetString());
        Assert.All(result.GetProperty("verified").EnumerateArray(), v => Assert.True(v.GetBoolean()));
        Assert.StartsWith("[[\"patient_id\",\"hmac-sha256:", values[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_canonical_serialisation_escapes_as_json_stringify_and_normalises_cells()
    {
        var text = RecordSerialisation.Serialise([KeyValuePair.Create("a\"b", "x\\y"), KeyValuePair.Create("c", "line\nbreak\u0001\t\u00e9")]);
        Assert.Equal("[[\"a\\\"b\",\"x\\\\y\"],[\"c\",\"line\\nbreak\\u0001\\t\u00e9\"]]", text);
        Assert.Equal("e\u0301".Normalize(System.Text.NormalizationForm.FormC), RecordSerialisation.NormaliseCell("e\u0301"));
        Assert.Equal("a\nb\nc", RecordSerialisation.NormaliseCell("a\r\nb\rc"));
    }

    [Fact]
    public void The_same_identifier_gets_the_same_pseudonym_under_one_key_and_another_under_another_key()
    {
        var controller = new Pseudonymiser(AnchoredChain.ControllerKey);
        var other = new Pseudonymiser(Enumerable.Repeat((byte)9, 32).ToArray());
        Assert.Equal(controller.Pseudonymise("P-0001"), controller.Pseudonymise(" P-0001 "));
        Assert.NotEqual(controller.Pseudonymise("P-0001"), controller.Pseudonymise("P-0002"));
        Assert.NotEqual(controller.Pseudonymise("P-0001"), other.Pseudonymise("P-0001"));
        Assert.DoesNotContain("P-0001", controller.Pseudonymise("P-0001"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, controller.Pseudonymise("  "));
    }

    [Fact]
    public void Identifier_columns_are_recognised_by_name_and_counts_are_not()
    {
        Assert.True(DatasetCommitment.IsLikelyIdentifier("patient_id"));
        Assert.True(DatasetCommitment.IsLikelyIdentifier("NHS Number"));
        Assert.True(DatasetCommitment.IsLikelyIdentifier("date_of_birth"));
        Assert.False(DatasetCommitment.IsLikelyIdentifier("participant_count"));
        Assert.False(DatasetCommitment.IsLikelyIdentifier("amount"));
        Assert.False(DatasetCommitment.IsLikelyIdentifier("project"));
    }

    internal static async Task<JsonElement> RunCheckAsync(IReadOnlyList<DatasetLeaf> values, IReadOnlyList<int> indices, IReadOnlyList<(DatasetLeaf, IReadOnlyList<byte[]>)> proofs, string root, CancellationToken ct)
    {
        RepoPaths.NodeTool("solcjs");
        var input = Path.Combine(RepoPaths.NewTempDirectory("verify-oz-input"), "input.json");
        await MerkleBenchmark.WriteInputAsync(input, values, indices, ct, proofs, root);
        return await OpenZeppelinMerkle.RunAsync("check", input, ct);
    }
}
