using System.Globalization;
using System.Text.Json.Serialization;
using CollabInsights.Carbon.Bridge;

namespace CollabInsights.Scenarios;

/// <summary>
/// A record of a generated bridge scenario named before it is on chain: a batch or token retirement by chain label,
/// bridge label and number (1-based in plan order per chain and bridge, as the contract numbers them), or a registry row
/// (<paramref name="RegistryRow"/>, <c>verra/transactions.csv:17</c>). <see cref="Resolve"/> turns it into a
/// <see cref="BridgeKeys"/> key once the seed results give each label's chain id and address.
/// </summary>
public sealed record BridgeRecordRef(
    [property: JsonPropertyName("chain")] string? Chain,
    [property: JsonPropertyName("bridge")] string? Bridge,
    [property: JsonPropertyName("batch")] int? Batch,
    [property: JsonPropertyName("retirement")] int? Retirement,
    [property: JsonPropertyName("registry_row")] string? RegistryRow)
{
    /// <summary>The <see cref="BridgeKeys"/> key of this record on the seeded chains.</summary>
    public string Resolve(IReadOnlyList<BridgeSeedResult> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (RegistryRow is not null)
        {
            return RegistryRow;
        }

        var seed = seeds.FirstOrDefault(s => s.Chain == Chain)
            ?? throw new CollabInsightsException($"No seed result for chain '{Chain}': seed every chain of the bridge plan before scoring (bridge-seed-{Chain}.json).");
        var address = seed.Bridges.TryGetValue(Bridge ?? string.Empty, out var a) ? a
            : throw new CollabInsightsException($"The seed of chain '{Chain}' deployed no '{Bridge}' bridge.");
        var checksummed = Nethereum.Util.AddressUtil.Current.ConvertToChecksumAddress(address);
        return Batch is { } batch ? BridgeKeys.Batch(seed.ChainId, checksummed, batch) : BridgeKeys.Retirement(seed.ChainId, checksummed, Retirement ?? 0);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        RegistryRow ?? string.Create(CultureInfo.InvariantCulture, $"chain {Chain} bridge {Bridge} {(Batch is { } b ? $"batch {b}" : $"retirement {Retirement}")}");
}
