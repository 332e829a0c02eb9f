using System.Text.Json;

namespace CollabInsights.Verification;

/// <summary>
/// A proof that one record (or some of its fields) is in an anchored dataset: the record key (<c>FILE:ROW</c> as
/// anchored), the disclosed leaves (the whole record, or only the fields asked for, each with its value, salt, leaf hash
/// and sibling path), the names of the fields kept hidden, the root and where it was anchored. The file is
/// <c>proof.json</c>; each disclosed leaf is also a valid <c>StandardMerkleTree.verify(root, leafEncoding,
/// [record, field, value, salt], proof)</c> in the npm library and a valid <c>MerkleProof.verify(proof, root, leaf)</c> on chain.
/// </summary>
public sealed record RecordProof
{
    /// <summary>The format tag of this proof layout.</summary>
    public string Format { get; init; } = "collab-proof-v1";

    /// <summary>The record serialisation version of the anchored dataset.</summary>
    public string Serialisation { get; init; } = RecordSerialisation.Version;

    /// <summary>The leaf encoding.</summary>
    public IReadOnlyList<string> LeafEncoding { get; init; } = DatasetLeaf.LeafEncoding;

    /// <summary>The record key, <c>FILE:ROW</c> as anchored.</summary>
    public required string Record { get; init; }

    /// <summary>The Merkle root, <c>0x</c>-hex.</summary>
    public required string Root { get; init; }

    /// <summary>Where the root was anchored.</summary>
    public required AnchorTransaction Anchor { get; init; }

    /// <summary>The disclosed leaves.</summary>
    public required IReadOnlyList<DisclosedLeaf> Disclosed { get; init; }

    /// <summary>The record's fields not disclosed (their leaves stay hidden; their values cannot be learned from the proof).</summary>
    public IReadOnlyList<string> HiddenFields { get; init; } = [];

    /// <summary>Reads a proof file.</summary>
    public static async Task<RecordProof> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.NotFound, $"The proof file {path} does not exist. Make one with RecordProofs (from the anchor folder) and write it with RecordProof.WriteAsync.");
        }

        try
        {
            return JsonSerializer.Deserialize<RecordProof>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), AnchorManifest.Json)
                ?? throw new CollabInsightsException($"{path} is empty; it is not a proof.");
        }
        catch (JsonException ex)
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidData, $"{path} is not a proof file ({ex.Message}). Make one with RecordProofs and write it with RecordProof.WriteAsync.", ex);
        }
    }

    /// <summary>Writes the proof as indented JSON.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, AnchorManifest.Json) + "\n", cancellationToken).ConfigureAwait(false);
    }
}
