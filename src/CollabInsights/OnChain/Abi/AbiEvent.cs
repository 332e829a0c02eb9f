using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace CollabInsights.OnChain.Abi;

/// <summary>
/// An event from the ABI. Topic 0 of a non-anonymous event is the Keccak-256 of its signature;
/// indexed parameters follow in topics 1..3 and the others are ABI-encoded in the data.
/// </summary>
public sealed record AbiEvent(string Name, IReadOnlyList<AbiParameter> Inputs, bool Anonymous = false)
{
    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; } = Name + AbiType.JoinCanonical(Inputs);

    /// <summary>The Keccak-256 of <see cref="Signature"/> as <c>0x</c>-hex: topic 0 of a non-anonymous event's logs.</summary>
    public string Topic0 { get; } = ("0x" + Sha3Keccack.Current.CalculateHash(Name + AbiType.JoinCanonical(Inputs)));

    /// <summary>How many topics a log of this event has (indexed parameters, plus one unless anonymous).</summary>
    public int TopicCount => Inputs.Count(p => p.Indexed) + (Anonymous ? 0 : 1);

    /// <summary>
    /// Decodes a log's topics and data. Throws <see cref="AbiException"/> when the topic count
    /// or topic 0 does not match this event or the data does not decode.
    /// </summary>
    public DecodedEvent Decode(IReadOnlyList<string> topics, string data) => Decode(topics, data.HexToByteArray());

    /// <summary>Decodes a log's topics (hex) and raw data.</summary>
    public DecodedEvent Decode(IReadOnlyList<string> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Count != TopicCount)
        {
            throw new AbiException($"A log of {Signature} has {TopicCount} topics, this one has {topics.Count}.");
        }

        var topicIndex = 0;
        if (!Anonymous)
        {
            if (!string.Equals(topics[0], Topic0, StringComparison.OrdinalIgnoreCase))
            {
                throw new AbiException($"Topic 0 {topics[0]} is not the signature hash of {Signature} ({Topic0}).");
            }

            topicIndex = 1;
        }

        var dataParameters = Inputs.Where(p => !p.Indexed).ToList();
        var dataValues = AbiDecoder.Decode(dataParameters, data);
        var result = new List<DecodedEventParameter>(Inputs.Count);
        var dataIndex = 0;
        foreach (var input in Inputs)
        {
            if (input.Indexed)
            {
                var topic = (topics[topicIndex++]).HexToByteArray();
                if (topic.Length != 32)
                {
                    throw new AbiException($"Topic {topicIndex - 1} of {Signature} has {topic.Length} bytes, not 32.");
                }

                var hashed = input.Type.IsDynamic || input.Type.Kind is AbiTypeKind.Tuple or AbiTypeKind.FixedArray;
                result.Add(new DecodedEventParameter(input.Name, input.Type, true, AbiDecoder.DecodeTopic(input.Type, topic), hashed));
            }
            else
            {
                result.Add(new DecodedEventParameter(input.Name, input.Type, false, dataValues[dataIndex++], false));
            }
        }

        return new DecodedEvent(this, result);
    }

    /// <summary>Encodes a value of an indexed parameter as a topic (for <c>eth_getLogs</c> filters), as <c>0x</c>-hex.</summary>
    public string EncodeTopic(string parameterName, object? value)
    {
        var parameter = Inputs.FirstOrDefault(p => p.Indexed && string.Equals(p.Name, parameterName, StringComparison.Ordinal))
            ?? throw new AbiException($"Event {Signature} has no indexed parameter named '{parameterName}'.");
        return AbiEncoder.EncodeTopic(parameter.Type, value).ToHex(true);
    }
}
