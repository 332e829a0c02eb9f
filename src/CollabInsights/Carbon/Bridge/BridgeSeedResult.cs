using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollabInsights.Carbon.Bridge;

/// <summary>
/// What <see cref="CarbonBridgeSeeder"/> wrote on one chain: the chain's label and id, each bridge label's contract address,
/// the block range, and the batches minted and tokens retired. Saved as <c>bridge-seed-CHAIN.json</c>; reconciliation
/// scoring reads it to name planted records by chain id, address and batch id.
/// </summary>
public sealed record BridgeSeedResult(
    [property: JsonPropertyName("chain")] string Chain,
    [property: JsonPropertyName("chain_id")] long ChainId,
    [property: JsonPropertyName("bridges")] IReadOnlyDictionary<string, string> Bridges,
    [property: JsonPropertyName("from_block")] long FromBlock,
    [property: JsonPropertyName("to_block")] long ToBlock,
    [property: JsonPropertyName("batches_minted")] int BatchesMinted,
    [property: JsonPropertyName("token_retirements")] int TokenRetirements,
    [property: JsonPropertyName("transactions")] int Transactions,
    [property: JsonPropertyName("seconds")] double Seconds)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The file name for chain <paramref name="chain"/>.</summary>
    public static string FileNameFor(string chain) => $"bridge-seed-{chain}.json";

    /// <summary>Writes the result as indented JSON.</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json) + "\n", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads every <c>bridge-seed-*.json</c> in <paramref name="directory"/>, sorted by file name.</summary>
    public static async Task<IReadOnlyList<BridgeSeedResult>> LoadAllAsync(string directory, CancellationToken cancellationToken = default)
    {
        var results = new List<BridgeSeedResult>();
        if (!Directory.Exists(directory))
        {
            return results;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "bridge-seed-*.json").Order(StringComparer.Ordinal))
        {
            results.Add(JsonSerializer.Deserialize<BridgeSeedResult>(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), Json)
                ?? throw new CollabInsightsException($"{file} is empty: re-run the bridge seed."));
        }

        return results;
    }
}
