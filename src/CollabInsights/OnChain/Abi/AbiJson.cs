using System.Text.Json;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;

namespace CollabInsights.OnChain.Abi;

/// <summary>
/// Reads Solidity ABI JSON into Nethereum's <see cref="ContractABI"/> (functions, events, errors and the constructor, tuples
/// with their components): the array a compiler writes, or a compiler/Foundry/Hardhat artifact with an <c>abi</c> key.
/// </summary>
public static class AbiJson
{
    /// <summary>Reads the ABI file at <paramref name="path"/>; a missing or unreadable file throws <see cref="CollabInsightsException"/> naming it.</summary>
    public static ContractABI Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CollabInsightsException($"ABI file {path} was not found. Give the path of a Solidity ABI JSON file (an array, or an artifact with an 'abi' key).");
        }

        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (CollabInsightsException e)
        {
            throw new CollabInsightsException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses ABI JSON text: the array, or an object with an <c>abi</c> key (whose value may itself be JSON text).</summary>
    public static ContractABI Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        string array;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (!root.TryGetProperty("abi", out var abi))
                {
                    throw new CollabInsightsException("The JSON object has no 'abi' key: expected an ABI array or a compiler/Foundry/Hardhat artifact.");
                }

                return abi.ValueKind == JsonValueKind.String ? Parse(abi.GetString()!) : Parse(abi.GetRawText());
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new CollabInsightsException($"Expected the ABI as a JSON array, found {root.ValueKind}.");
            }

            array = WithDefaults(root);
        }
        catch (JsonException e)
        {
            throw new CollabInsightsException($"The ABI is not valid JSON: {e.Message}", e);
        }

        try
        {
            return new ABIJsonDeserialiser().DeserialiseContract(array);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NullReferenceException or KeyNotFoundException or InvalidCastException or Newtonsoft.Json.JsonException)
        {
            throw new CollabInsightsException($"The ABI could not be read ({e.Message}). Check that each entry has a type, a name and well-formed inputs.", e);
        }
    }

    /// <summary>
    /// The ABI array with the keys Nethereum's reader expects filled in where a tool left them out because they were false:
    /// <c>anonymous</c> of an event and <c>indexed</c> of its inputs (ethers, for one, writes <c>indexed</c> only when true).
    /// </summary>
    private static string WithDefaults(JsonElement array)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(array.GetRawText())!.AsArray();
        foreach (var entry in node.OfType<System.Text.Json.Nodes.JsonObject>())
        {
            if ((string?)entry["type"] != "event")
            {
                continue;
            }

            entry["anonymous"] ??= false;
            foreach (var input in (entry["inputs"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>())
            {
                input["indexed"] ??= false;
            }
        }

        return node.ToJsonString();
    }

    /// <summary>
    /// One ABI holding the functions, events and errors of several contracts (e.g. a ledger and the token it moves), so logs and
    /// revert data of either decode. An entry with the same signature (and, for events, the same indexing) is kept once.
    /// </summary>
    public static ContractABI Combine(params ContractABI[] abis)
    {
        ArgumentNullException.ThrowIfNull(abis);
        return new ContractABI
        {
            Functions = [.. abis.SelectMany(a => a.Functions ?? []).DistinctBy(f => f.Sha3Signature)],
            Events = [.. abis.SelectMany(a => a.Events ?? []).DistinctBy(e => e.Sha3Signature + (e.IsAnonymous ? "a" : string.Empty) + string.Concat((e.InputParameters ?? []).Select(p => p.Indexed ? 'i' : 'd')))],
            Errors = [.. abis.SelectMany(a => a.Errors ?? []).DistinctBy(e => e.Sha3Signature)],
            Constructor = abis.FirstOrDefault(a => a.Constructor is not null)?.Constructor,
        };
    }
}
