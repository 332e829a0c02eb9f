using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollabInsights.Verification;

/// <summary>
/// <c>manifest.json</c> of an anchor folder: what was anchored (root, leaf and record counts, serialisation version, leaf
/// encoding, files and their columns, the controller key's fingerprint) and where (chain id, ledger, project, the
/// anchoring transaction, its block and block time). Public: it holds no salt and no identifier.
/// </summary>
public sealed record AnchorManifest
{
    /// <summary>The manifest file name.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The format tag of this manifest layout.</summary>
    public string Format { get; init; } = "collab-anchor-v1";

    /// <summary>The Merkle root, <c>0x</c>-hex.</summary>
    public required string Root { get; init; }

    /// <summary>Number of leaves.</summary>
    public required int LeafCount { get; init; }

    /// <summary>Number of records.</summary>
    public required int RecordCount { get; init; }

    /// <summary>The record serialisation version (<see cref="RecordSerialisation.Version"/>).</summary>
    public string Serialisation { get; init; } = RecordSerialisation.Version;

    /// <summary>The leaf encoding (<see cref="DatasetLeaf.LeafEncoding"/>).</summary>
    public IReadOnlyList<string> LeafEncoding { get; init; } = DatasetLeaf.LeafEncoding;

    /// <summary>How the tree is built, in one sentence, for readers of the file.</summary>
    public string Tree { get; init; } = "OpenZeppelin StandardMerkleTree (sorted leaves, sorted pairs, leaf = keccak256(keccak256(abi.encode(record, field, value, salt))))";

    /// <summary>How each leaf's salt is derived from its record's salt.</summary>
    public string SaltDerivation { get; init; } = "leaf salt = HMAC-SHA-256(record salt, \"collab-leaf-salt-v1:\" + field); record salt = 32 random bytes, kept in salts.json";

    /// <summary>The public fingerprint of the pseudonymisation key.</summary>
    public required string KeyFingerprint { get; init; }

    /// <summary>The anchored files, in leaf order.</summary>
    public required IReadOnlyList<AnchoredFile> Files { get; init; }

    /// <summary>The chain anchor; null until the root is on chain.</summary>
    public AnchorTransaction? Anchor { get; init; }

    /// <summary>The JSON options of manifests and proofs (snake_case, indented).</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The file of <paramref name="path"/> (FILE relative to the anchored folder).</summary>
    public AnchoredFile GetFile(string path) =>
        Files.FirstOrDefault(f => f.Path == path.Replace('\\', '/'))
        ?? throw new CollabInsightsException($"The anchored dataset has no file '{path}'. Its files are: {string.Join(", ", Files.Select(f => f.Path))}.");

    /// <summary>Reads <c>manifest.json</c> from an anchor folder.</summary>
    public static async Task<AnchorManifest> ReadAsync(string anchorDir, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(anchorDir, FileName);
        if (!File.Exists(path))
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.NotFound, $"{anchorDir} is not an anchor folder: it has no {FileName}. Pass the folder anchoring wrote (the outDir of DatasetAnchor.AnchorAsync).");
        }

        return JsonSerializer.Deserialize<AnchorManifest>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Json)
            ?? throw new CollabInsightsException($"{path} is empty. Anchor the dataset again.");
    }

    /// <summary>Writes the manifest into <paramref name="anchorDir"/>.</summary>
    public async Task WriteAsync(string anchorDir, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(anchorDir);
        await File.WriteAllTextAsync(Path.Combine(anchorDir, FileName), JsonSerializer.Serialize(this, Json) + "\n", cancellationToken).ConfigureAwait(false);
    }
}
