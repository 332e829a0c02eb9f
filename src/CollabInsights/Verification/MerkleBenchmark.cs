using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CollabInsights.Verification.Internal;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.Verification;

/// <summary>
/// <c>collab bench merkle</c>: builds a <see cref="StandardMerkleTree"/> over N generated dataset leaves (the kit's
/// leaf encoding, seeded values and salts) and makes proofs, then has <c>@openzeppelin/merkle-tree</c> (node, pinned in
/// package-lock.json) do the same on the same leaves in the same run, and checks that both give the same root and the
/// same proofs. Reading the leaves is not timed on either side.
/// </summary>
public static class MerkleBenchmark
{
    /// <summary>Runs the benchmark; <paramref name="progress"/> gets one line per stage.</summary>
    public static async Task<MerkleBenchmarkResult> RunAsync(MerkleBenchmarkOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new MerkleBenchmarkOptions();
        if (options.Leaves < 1 || options.Proofs < 1)
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidArgument, $"The Merkle benchmark needs at least one leaf and one proof (got MerkleBenchmarkOptions.Leaves {options.Leaves}, Proofs {options.Proofs}).", options.Leaves < 1 ? "MerkleBenchmarkOptions.Leaves" : "MerkleBenchmarkOptions.Proofs");
        }

        progress?.Report($"generating {options.Leaves:N0} leaves");
        var values = Generate(options.Leaves, options.Seed);
        var proofs = Math.Min(options.Proofs, options.Leaves);
        var indices = Enumerable.Range(0, proofs).Select(i => (int)((long)i * options.Leaves / proofs)).ToArray();

        progress?.Report("ours: build and proofs");
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var hashes = new byte[values.Count * 32];
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            DatasetLeaf.Hash(v.Record, v.Field, v.Value, v.Salt, hashes.AsSpan(i * 32, 32));
        }

        var tree = StandardMerkleTree.Build(hashes);
        var buildMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var ours = new Dictionary<int, IReadOnlyList<byte[]>>();
        foreach (var index in indices)
        {
            ours[index] = tree.GetProof(index);
        }

        var proofsMs = watch.Elapsed.TotalMilliseconds;
        var root = tree.Root;
        var first = values[indices[0]];
        var firstProof = ours[indices[0]];
        var verified = true;
        watch.Restart();
        for (var k = 0; k < options.VerifyRepeats; k++)
        {
            verified &= StandardMerkleTree.Verify(root, first.Hash(), firstProof);
        }

        var verifyMs = watch.Elapsed.TotalMilliseconds / Math.Max(1, options.VerifyRepeats);
        if (!verified)
        {
            throw new CollabInsightsException("Our own proof did not verify in the benchmark; the Merkle tree is broken.");
        }

        progress?.Report("@openzeppelin/merkle-tree: build and proofs");
        var input = Path.Combine(Path.GetTempPath(), $"collab-merkle-bench-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        try
        {
            await WriteInputAsync(input, values, indices, cancellationToken).ConfigureAwait(false);
            values = null;
            GC.Collect();
            var peer = await OpenZeppelinMerkle.RunAsync("bench", input, cancellationToken).ConfigureAwait(false);
            var peerRoot = peer.GetProperty("root").GetString();
            var proofsAgree = peer.GetProperty("proofs").EnumerateObject().All(p =>
                p.Value.EnumerateArray().Select(x => x.GetString()).SequenceEqual(ours[int.Parse(p.Name, CultureInfo.InvariantCulture)].Select(x => x.ToHex(true))));
            return new MerkleBenchmarkResult(options.Leaves, proofs, buildMs, proofsMs, verifyMs,
                peer.GetProperty("build_ms").GetDouble(), peer.GetProperty("proofs_ms").GetDouble(), peer.GetProperty("verify_ms").GetDouble(),
                tree.RootHex, string.Equals(peerRoot, tree.RootHex, StringComparison.OrdinalIgnoreCase), proofsAgree && peer.GetProperty("verified").GetBoolean(),
                Domain.MachineDescription.Current());
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>The generated leaves: record <c>bench.csv:ROW</c>, one of four fields, a value and a salt from a seeded generator.</summary>
    internal static List<DatasetLeaf> Generate(int count, int seed)
    {
        var random = new Random(seed);
        string[] fields = ["patient", "outcome", "period", "amount"];
        var leaves = new List<DatasetLeaf>(count);
        for (var i = 0; i < count; i++)
        {
            var salt = new byte[32];
            random.NextBytes(salt);
            var field = fields[i % 4];
            var value = field switch
            {
                "patient" => Pseudonymiser.Prefix + random.NextInt64().ToString("x16", CultureInfo.InvariantCulture),
                "outcome" => random.Next(2) == 0 ? "achieved" : "not achieved",
                "period" => $"2025-{1 + random.Next(12):00}",
                _ => (random.Next(1, 100_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture),
            };
            leaves.Add(new DatasetLeaf($"bench.csv:{1 + (i / 4)}", field, value, salt));
        }

        return leaves;
    }

    /// <summary>Writes the check/bench input of the node script: encoding, values and indices.</summary>
    internal static async Task WriteInputAsync(string path, IReadOnlyList<DatasetLeaf> values, IReadOnlyList<int> indices, CancellationToken cancellationToken, IReadOnlyList<(DatasetLeaf Value, IReadOnlyList<byte[]> Proof)>? proofs = null, string? root = null)
    {
        await using var stream = File.Create(path);
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteStartArray("encoding");
        foreach (var type in DatasetLeaf.LeafEncoding)
        {
            writer.WriteStringValue(type);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("values");
        foreach (var v in values)
        {
            WriteValue(writer, v);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("indices");
        foreach (var i in indices)
        {
            writer.WriteNumberValue(i);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("proofs");
        foreach (var (value, proof) in proofs ?? [])
        {
            writer.WriteStartObject();
            writer.WritePropertyName("value");
            WriteValue(writer, value);
            writer.WriteStartArray("proof");
            foreach (var p in proof)
            {
                writer.WriteStringValue(p.ToHex(true));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("root", root ?? string.Empty);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteValue(Utf8JsonWriter writer, DatasetLeaf v)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(v.Record);
        writer.WriteStringValue(v.Field);
        writer.WriteStringValue(v.Value);
        writer.WriteStringValue(v.Salt.ToHex(true));
        writer.WriteEndArray();
    }

    /// <summary>The results file: the result as indented snake_case JSON with the speed-up.</summary>
    public static string ToJson(MerkleBenchmarkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var builder = new StringBuilder();
        builder.Append(JsonSerializer.Serialize(new
        {
            leaves = result.Leaves,
            proofs = result.Proofs,
            ours = new { build_ms = result.OursBuildMs, proofs_ms = result.OursProofsMs, verify_ms = result.OursVerifyMs },
            openzeppelin_merkle_tree = new { build_ms = result.PeerBuildMs, proofs_ms = result.PeerProofsMs, verify_ms = result.PeerVerifyMs },
            speedup_build_and_proofs = result.Speedup,
            root = result.Root,
            roots_agree = result.RootsAgree,
            proofs_agree = result.ProofsAgree,
            machine = result.Machine,
        }, new JsonSerializerOptions { WriteIndented = true }));
        return builder.Append('\n').ToString();
    }
}
