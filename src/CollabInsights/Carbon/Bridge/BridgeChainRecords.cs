using System.Globalization;
using System.Text.Json;
using CollabInsights.Domain;
using CollabInsights.OnChain.Extraction;

namespace CollabInsights.Carbon.Bridge;

/// <summary>
/// The bridge events of one extraction (<c>collab chain extract --abi</c> with the bridge's ABI, see
/// <see cref="CarbonBridgeSeeder.AbiJson"/>): every minted batch and every token retirement, with chain provenance.
/// </summary>
public sealed record BridgeChainRecords(IReadOnlyList<BridgedBatch> Batches, IReadOnlyList<TokenRetirement> Retirements)
{
    /// <summary>Several extractions together (for example two chains).</summary>
    public static BridgeChainRecords Combine(IEnumerable<BridgeChainRecords> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        return new BridgeChainRecords([.. list.SelectMany(p => p.Batches)], [.. list.SelectMany(p => p.Retirements)]);
    }

    /// <summary>Reads the <c>BatchMinted</c> and <c>TokensRetired</c> tables of the extraction in <paramref name="extractionDirectory"/>.</summary>
    public static async Task<BridgeChainRecords> ReadAsync(string extractionDirectory, CancellationToken cancellationToken = default)
    {
        var summaryPath = Path.Combine(extractionDirectory, "summary.json");
        if (!File.Exists(summaryPath))
        {
            throw new CollabInsightsException($"No extraction found in {extractionDirectory}: summary.json is missing. Extract the bridge's events first, with the bridge's ABI (CarbonBridgeSeeder.AbiJson saved as a file).");
        }

        long chainId;
        using (var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryPath, cancellationToken).ConfigureAwait(false)))
        {
            chainId = summary.RootElement.GetProperty("chain_id").GetInt64();
        }

        var output = ExtractionOutput.Open(extractionDirectory);
        var batches = new List<BridgedBatch>();
        if (await output.ReadTableAsync("BatchMinted", cancellationToken).ConfigureAwait(false) is { } minted)
        {
            var row = new Cells(minted);
            foreach (var r in minted.Rows)
            {
                var stem = row.Text(r, "serialStem");
                long first = row.Long(r, "serialFirst"), last = row.Long(r, "serialLast");
                batches.Add(new BridgedBatch(
                    chainId,
                    row.Text(r, "address"),
                    row.Long(r, "batchId"),
                    row.Text(r, "holder"),
                    row.Text(r, "registry"),
                    row.Text(r, "projectId"),
                    (int)row.Long(r, "vintage"),
                    new SerialRange(stem, first, last, string.Create(CultureInfo.InvariantCulture, $"{stem}:{first}-{last}")),
                    row.Long(r, "quantity"),
                    row.Text(r, "registryRetirement"),
                    row.Provenance(r, chainId)));
            }
        }

        var retirements = new List<TokenRetirement>();
        if (await output.ReadTableAsync("TokensRetired", cancellationToken).ConfigureAwait(false) is { } retired)
        {
            var row = new Cells(retired);
            foreach (var r in retired.Rows)
            {
                var stem = row.Text(r, "serialStem");
                long first = row.Long(r, "serialFirst"), last = row.Long(r, "serialLast");
                retirements.Add(new TokenRetirement(
                    chainId,
                    row.Text(r, "address"),
                    row.Long(r, "retirementId"),
                    row.Long(r, "batchId"),
                    row.Text(r, "holder"),
                    row.Long(r, "quantity"),
                    new SerialRange(stem, first, last, string.Create(CultureInfo.InvariantCulture, $"{stem}:{first}-{last}")),
                    row.Text(r, "beneficiary"),
                    row.Provenance(r, chainId)));
            }
        }

        return new BridgeChainRecords(batches, retirements);
    }

    private sealed class Cells(TableChunk chunk)
    {
        private readonly Dictionary<string, int> _index = chunk.Table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

        public string Text(object?[] row, string column) =>
            Convert.ToString(row[_index.TryGetValue(column, out var i) ? i : throw new CollabInsightsException($"The {chunk.Table.Name} table has no '{column}' column: was it extracted with the CarbonBridge ABI?")], CultureInfo.InvariantCulture)
            ?? string.Empty;

        public long Long(object?[] row, string column) => long.Parse(Text(row, column), NumberStyles.Integer, CultureInfo.InvariantCulture);

        public ChainProvenance Provenance(object?[] row, long chainId)
        {
            var timestamp = _index.TryGetValue("block_timestamp", out var t) && row[t] is { } value
                ? DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(value, CultureInfo.InvariantCulture))
                : (DateTimeOffset?)null;
            return new ChainProvenance(chainId, Long(row, "block_number"), Text(row, "block_hash"), Text(row, "tx_hash"), (int)Long(row, "log_index"), timestamp);
        }
    }
}
