using System.Text.Json.Serialization;

namespace CollabInsights.Carbon.Bridge;

/// <summary>
/// One token batch to mint on a bridge: on chain <paramref name="Chain"/> (a label the seeder is given an RPC URL for),
/// bridge <paramref name="Bridge"/> (a label; one <c>CarbonBridge</c> contract per label and chain), to the holder with
/// index <paramref name="Holder"/> in <see cref="BridgeSeedOptions.HolderKeys"/>, for the registry block it claims
/// (registry folder, project, vintage, serial range, quantity in tonnes, and the registry row as <c>registry/file:row</c>).
/// Batches of one chain and bridge are numbered from 1 in plan order, as the contract numbers them.
/// </summary>
public sealed record BridgeMint(
    [property: JsonPropertyName("chain")] string Chain,
    [property: JsonPropertyName("bridge")] string Bridge,
    [property: JsonPropertyName("holder")] int Holder,
    [property: JsonPropertyName("registry")] string Registry,
    [property: JsonPropertyName("project")] string ProjectId,
    [property: JsonPropertyName("vintage")] int Vintage,
    [property: JsonPropertyName("serial_stem")] string SerialStem,
    [property: JsonPropertyName("serial_first")] long SerialFirst,
    [property: JsonPropertyName("serial_last")] long SerialLast,
    [property: JsonPropertyName("quantity")] long Quantity,
    [property: JsonPropertyName("registry_retirement")] string RegistryRetirement);
