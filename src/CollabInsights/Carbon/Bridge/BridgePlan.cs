using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollabInsights.Carbon.Bridge;

/// <summary>
/// What to write on the bridges: token batches to mint (<see cref="Mints"/>) and token retirements (<see cref="Retirements"/>).
/// <see cref="FromRegistry"/> plans one batch per bridged registry retirement, as a bridge operator does; a generated
/// scenario's plan (<c>CarbonBridgeScenario</c>) adds planted differences. Saved as <c>bridge-plan.json</c>.
/// </summary>
public sealed record BridgePlan(
    [property: JsonPropertyName("mints")] IReadOnlyList<BridgeMint> Mints,
    [property: JsonPropertyName("retirements")] IReadOnlyList<BridgeTokenRetirement> Retirements)
{
    /// <summary>The file name a plan is saved under in a scenario folder.</summary>
    public const string FileName = "bridge-plan.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The chain labels the plan writes on, sorted.</summary>
    public IReadOnlyList<string> Chains => Mints.Select(m => m.Chain).Concat(Retirements.Select(r => r.Chain)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// One batch per retirement of <paramref name="dataset"/> that <paramref name="rule"/> recognises as bridged (its details
    /// carry a bridge's tag) and that has a serial range: on chain <paramref name="chain"/>, on a bridge named after the tag
    /// (<c>Toucan</c>, <c>C3</c>), minted to holder 0, for the block's project, vintage (0 when unknown), serials and quantity,
    /// naming the registry row. No token retirements: the registry does not say which tokens were retired later.
    /// </summary>
    public static BridgePlan FromRegistry(CarbonDataset dataset, BridgeTagRule rule = BridgeTagRule.KlimaDao, string chain = "local")
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(chain);
        var mints = new List<BridgeMint>();
        foreach (var block in dataset.Blocks)
        {
            if (block.Serial is not { } serial || BridgeTags.Bridge(block, rule) is not { } bridge)
            {
                continue;
            }

            mints.Add(new BridgeMint(chain, bridge, 0, block.OriginRegistry, block.ProjectId, block.Vintage ?? 0, serial.Stem, serial.First, serial.Last,
                (long)decimal.Truncate(block.Quantity), $"{block.Provenance.File}:{block.Provenance.Row}"));
        }

        return new BridgePlan(mints, []);
    }

    /// <summary>Writes the plan as indented JSON.</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json) + "\n", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a plan written by <see cref="SaveAsync"/>.</summary>
    public static async Task<BridgePlan> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new CollabInsightsException($"The bridge plan {path} does not exist. Generate a scenario (CarbonBridgeScenario) or plan from registry data (BridgePlan.FromRegistry).");
        }

        try
        {
            return JsonSerializer.Deserialize<BridgePlan>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Json)
                ?? throw new CollabInsightsException($"The bridge plan {path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new CollabInsightsException($"The bridge plan {path} is not valid JSON ({ex.Message}): expected {{\"mints\":[...],\"retirements\":[...]}}.", ex);
        }
    }
}
