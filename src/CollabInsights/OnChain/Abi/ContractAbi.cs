using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.OnChain.Abi;

/// <summary>
/// A contract's ABI parsed from standard Solidity ABI JSON: the plain array, or a compiler,
/// Hardhat or Foundry artifact with an <c>abi</c> key. Looks up functions and events by name or
/// by full signature (overloads are distinguished by signature) and decodes logs by topic 0.
/// </summary>
public sealed class ContractAbi
{
    private readonly Dictionary<string, AbiEvent> _eventsByTopic0;

    private ContractAbi(IReadOnlyList<AbiFunction> functions, IReadOnlyList<AbiEvent> events, IReadOnlyList<AbiError> errors, IReadOnlyList<AbiParameter>? constructorInputs)
    {
        Functions = functions;
        Events = events;
        Errors = errors;
        ConstructorInputs = constructorInputs ?? [];
        _eventsByTopic0 = new Dictionary<string, AbiEvent>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in events.Where(e => !e.Anonymous))
        {
            _eventsByTopic0.TryAdd(e.Topic0, e);
        }
    }

    /// <summary>Functions in ABI order.</summary>
    public IReadOnlyList<AbiFunction> Functions { get; }

    /// <summary>Events in ABI order (overloads and anonymous events included).</summary>
    public IReadOnlyList<AbiEvent> Events { get; }

    /// <summary>Custom errors in ABI order.</summary>
    public IReadOnlyList<AbiError> Errors { get; }

    /// <summary>The constructor's inputs (empty when the ABI has no constructor).</summary>
    public IReadOnlyList<AbiParameter> ConstructorInputs { get; }

    /// <summary>Reads an ABI JSON file (array or artifact); the error names the file and the fix.</summary>
    public static ContractAbi Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CollabInsightsException($"ABI file {path} was not found. Give the path of a Solidity ABI JSON file (an array, or an artifact with an 'abi' key).");
        }

        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (AbiException e)
        {
            throw new CollabInsightsException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses ABI JSON text: the array, or an object with an <c>abi</c> key (whose value may itself be JSON text).</summary>
    public static ContractAbi Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new AbiException($"The ABI is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Parses an ABI from a JSON element (array or artifact object).</summary>
    public static ContractAbi Parse(JsonElement root)
    {
        var array = root;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("abi", out array))
            {
                throw new AbiException("The JSON object has no 'abi' key: expected an ABI array or a compiler/Foundry/Hardhat artifact.");
            }

            if (array.ValueKind == JsonValueKind.String)
            {
                return Parse(array.GetString()!);
            }
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new AbiException($"Expected the ABI as a JSON array, found {array.ValueKind}.");
        }

        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        IReadOnlyList<AbiParameter>? constructor = null;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var kind = item.TryGetProperty("type", out var t) ? t.GetString() : "function";
            var name = item.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
            try
            {
                switch (kind)
                {
                    case "function":
                        functions.Add(new AbiFunction(
                            name,
                            ParseParameters(item, "inputs"),
                            ParseParameters(item, "outputs"),
                            item.TryGetProperty("stateMutability", out var m) ? m.GetString() ?? "nonpayable" : LegacyMutability(item)));
                        break;
                    case "event":
                        events.Add(new AbiEvent(name, ParseParameters(item, "inputs"), item.TryGetProperty("anonymous", out var a) && a.ValueKind == JsonValueKind.True));
                        break;
                    case "error":
                        errors.Add(new AbiError(name, ParseParameters(item, "inputs")));
                        break;
                    case "constructor":
                        constructor = ParseParameters(item, "inputs");
                        break;
                    default:
                        break; // fallback, receive: nothing to encode or decode
                }
            }
            catch (AbiException e)
            {
                throw new AbiException($"ABI entry {index} ({kind} {name}): {e.Message}", e);
            }

            index++;
        }

        return new ContractAbi(functions, events, errors, constructor);
    }

    /// <summary>
    /// One ABI holding the functions, events and errors of several contracts (e.g. a ledger and
    /// the token it moves), so logs and revert data of either decode. Duplicate signatures are kept once.
    /// </summary>
    public static ContractAbi Combine(params ContractAbi[] abis)
    {
        ArgumentNullException.ThrowIfNull(abis);
        var functions = abis.SelectMany(a => a.Functions).DistinctBy(f => f.Signature).ToList();
        var events = abis.SelectMany(a => a.Events).DistinctBy(e => (e.Signature, e.Anonymous, IndexedMask(e))).ToList();
        var errors = abis.SelectMany(a => a.Errors).DistinctBy(e => e.Signature).ToList();
        return new ContractAbi(functions, events, errors, abis.FirstOrDefault()?.ConstructorInputs);
    }

    private static string IndexedMask(AbiEvent e) => string.Concat(e.Inputs.Select(p => p.Indexed ? '1' : '0'));

    /// <summary>
    /// The function with this name or full signature (<c>transfer(address,uint256)</c>). A bare
    /// name that is overloaded throws, listing the signatures to choose from.
    /// </summary>
    public AbiFunction GetFunction(string nameOrSignature) =>
        Find(Functions, nameOrSignature, f => f.Name, f => f.Signature, "function");

    /// <summary>The event with this name or full signature; an overloaded bare name throws, listing the signatures.</summary>
    public AbiEvent GetEvent(string nameOrSignature) =>
        Find(Events, nameOrSignature, e => e.Name, e => e.Signature, "event");

    /// <summary>The non-anonymous event whose topic 0 is <paramref name="topic0"/>, or null.</summary>
    public AbiEvent? FindEventByTopic0(string topic0) => _eventsByTopic0.GetValueOrDefault(topic0);

    /// <summary>
    /// Decodes a log: by topic 0 for ordinary events, else by trying the anonymous events whose
    /// topic count fits. Returns null when no ABI entry decodes the log.
    /// </summary>
    public DecodedEvent? TryDecodeLog(IReadOnlyList<string> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Count > 0 && FindEventByTopic0(topics[0]) is { } known && known.TopicCount == topics.Count)
        {
            try
            {
                return known.Decode(topics, data);
            }
            catch (AbiException)
            {
                // Same signature hash but different indexing (another contract's ABI): fall through.
            }
        }

        foreach (var anonymous in Events.Where(e => e.Anonymous && e.TopicCount == topics.Count))
        {
            try
            {
                return anonymous.Decode(topics, data);
            }
            catch (AbiException)
            {
            }
        }

        return null;
    }

    /// <summary>Decodes revert data with the standard <c>Error(string)</c>/<c>Panic(uint256)</c> and this ABI's custom errors; null when unknown.</summary>
    public string? TryDecodeRevert(ReadOnlySpan<byte> data) => DecodeRevert(data, Errors);

    internal static string? DecodeRevert(ReadOnlySpan<byte> data, IEnumerable<AbiError> customErrors)
    {
        if (data.Length < 4)
        {
            return null;
        }

        foreach (var error in customErrors.Prepend(AbiError.StandardPanic).Prepend(AbiError.StandardError))
        {
            if (data[..4].SequenceEqual(error.Selector))
            {
                try
                {
                    var values = AbiDecoder.Decode(error.Inputs, data[4..]);
                    if (error == AbiError.StandardError)
                    {
                        return (string?)values[0];
                    }

                    return error.Name + "(" + string.Join(", ", values.Select(AbiValues.ToText)) + ")";
                }
                catch (AbiException)
                {
                    return null;
                }
            }
        }

        return null;
    }

    /// <summary>Deployment data: <paramref name="bytecode"/> followed by the ABI-encoded constructor arguments.</summary>
    public byte[] EncodeDeployment(ReadOnlySpan<byte> bytecode, params object?[] constructorArguments)
    {
        var args = AbiEncoder.Encode(ConstructorInputs, constructorArguments);
        var data = new byte[bytecode.Length + args.Length];
        bytecode.CopyTo(data);
        args.CopyTo(data, bytecode.Length);
        return data;
    }

    private static T Find<T>(IReadOnlyList<T> items, string nameOrSignature, Func<T, string> name, Func<T, string> signature, string what)
    {
        var wanted = nameOrSignature.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (wanted.Contains('(', StringComparison.Ordinal))
        {
            var canonical = wanted;
            try
            {
                var open = wanted.IndexOf('(', StringComparison.Ordinal);
                canonical = wanted[..open] + AbiType.Parse(wanted[open..]).CanonicalName;
            }
            catch (AbiException)
            {
            }

            return items.FirstOrDefault(i => string.Equals(signature(i), canonical, StringComparison.Ordinal))
                ?? throw new AbiException($"The ABI has no {what} {nameOrSignature}. It has: {string.Join(", ", items.Select(signature))}.");
        }

        var matches = items.Where(i => string.Equals(name(i), wanted, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new AbiException($"The ABI has no {what} named {nameOrSignature}. It has: {string.Join(", ", items.Select(signature))}."),
            _ => throw new AbiException($"The {what} name {nameOrSignature} is overloaded; give the full signature: {string.Join(", ", matches.Select(signature))}."),
        };
    }

    private static string LegacyMutability(JsonElement item)
    {
        if (item.TryGetProperty("constant", out var c) && c.ValueKind == JsonValueKind.True)
        {
            return "view";
        }

        return item.TryGetProperty("payable", out var p) && p.ValueKind == JsonValueKind.True ? "payable" : "nonpayable";
    }

    private static List<AbiParameter> ParseParameters(JsonElement item, string property)
    {
        if (!item.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return array.EnumerateArray().Select(ParseParameter).ToList();
    }

    private static AbiParameter ParseParameter(JsonElement p)
    {
        var name = p.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
        var type = p.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is null)
        {
            throw new AbiException($"Parameter '{name}' has no type.");
        }

        List<AbiParameter>? components = null;
        if (p.TryGetProperty("components", out var c) && c.ValueKind == JsonValueKind.Array)
        {
            components = c.EnumerateArray().Select(ParseParameter).ToList();
        }

        var indexed = p.TryGetProperty("indexed", out var i) && i.ValueKind == JsonValueKind.True;
        return new AbiParameter(name, AbiType.Parse(type, components), indexed);
    }

    /// <summary>Hex helper kept here so callers holding raw hex data need no other import.</summary>
    public DecodedEvent? TryDecodeLog(IReadOnlyList<string> topics, string data) => TryDecodeLog(topics, data.HexToByteArray());
}
