using System.Numerics;
using System.Text;
using CollabInsights.OnChain.Abi;
using CollabInsights.OnChain.Crypto;
using CollabInsights.OnChain.Transactions;

namespace CollabInsights.OnChain.Tests;

/// <summary>Byte-for-byte agreement with ethers on the vectors it generates in this run.</summary>
public class ReferenceAgreementTests
{
    [Fact]
    public void Keccak256_matches_ethers()
    {
        var cases = ReferenceVectors.Get("keccak").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            Assert.Equal(c.GetProperty("hash").GetString(), Keccak256.HashToHex(c.GetProperty("input").GetString()!));
        }
    }

    [Fact]
    public void Checksummed_addresses_match_ethers()
    {
        foreach (var c in ReferenceVectors.Get("checksums").EnumerateArray())
        {
            var expected = c.GetProperty("checksummed").GetString()!;
            Assert.Equal(expected, EthAddress.ToChecksum(c.GetProperty("lower").GetString()!));
            Assert.True(EthAddress.IsValid(expected));
        }
    }

    [Fact]
    public void Abi_encoding_matches_ethers_for_every_generated_type_combination()
    {
        var cases = ReferenceVectors.Get("abi").EnumerateArray().ToList();
        Assert.True(cases.Count > 200);
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var types = c.GetProperty("types").EnumerateArray().Select(t => AbiType.Parse(t.GetString()!)).ToList();
            var values = c.GetProperty("values").EnumerateArray().Select(ReferenceVectors.ToValue).ToList();
            var encoded = Hex.Encode(AbiEncoder.Encode(types, values));
            if (encoded != c.GetProperty("encoded").GetString())
            {
                failures.Add(string.Join(",", types));
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Abi_decoding_of_ethers_encodings_gives_the_values_back()
    {
        var failures = new List<string>();
        foreach (var c in ReferenceVectors.Get("abi").EnumerateArray())
        {
            var types = c.GetProperty("types").EnumerateArray().Select(t => AbiType.Parse(t.GetString()!)).ToList();
            var decoded = AbiDecoder.Decode(types, Hex.Decode(c.GetProperty("encoded").GetString()!));
            var expected = c.GetProperty("values").GetRawText();
            if (AbiValues.ToJson(decoded) != Normalize(expected))
            {
                failures.Add($"{string.Join(",", types)}: {AbiValues.ToJson(decoded)} != {expected}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Event_topics_and_decoded_logs_match_ethers_including_anonymous_overloaded_and_indexed_dynamic()
    {
        var abi = ContractAbi.Parse(ReferenceVectors.Get("eventAbi").GetRawText());
        var cases = ReferenceVectors.Get("events").EnumerateArray().ToList();
        Assert.Contains(cases, c => c.GetProperty("anonymous").GetBoolean());
        Assert.Equal(2, abi.Events.Count(e => e.Name == "Ping"));
        foreach (var c in cases)
        {
            var signature = c.GetProperty("signature").GetString()!;
            var abiEvent = abi.GetEvent(signature);
            Assert.Equal(signature, abiEvent.Signature);
            if (!abiEvent.Anonymous)
            {
                Assert.Equal(c.GetProperty("topic0").GetString(), abiEvent.Topic0);
            }

            var topics = c.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();
            var decoded = abi.TryDecodeLog(topics, c.GetProperty("data").GetString()!);
            Assert.True(decoded is not null, $"{signature} did not decode: {Record.Exception(() => abiEvent.Decode(topics, c.GetProperty("data").GetString()!))?.Message}");
            Assert.Equal(signature, decoded.Event.Signature);
            Assert.Equal(c.GetProperty("names").EnumerateArray().Select(n => n.GetString()), decoded.Parameters.Select(p => p.Name));
            Assert.Equal(Normalize(c.GetProperty("decoded").GetRawText()), AbiValues.ToJson(decoded.Parameters.Select(p => p.Value).ToList()));
            foreach (var p in decoded.Parameters.Where(p => p.Indexed && p.Type.Kind is AbiTypeKind.String or AbiTypeKind.Bytes))
            {
                Assert.True(p.IsTopicHash);
            }
        }
    }

    [Fact]
    public void Indexed_string_topic_is_the_hash_ethers_puts_in_the_log()
    {
        var abi = ContractAbi.Parse(ReferenceVectors.Get("eventAbi").GetRawText());
        var named = abi.GetEvent("Named");
        var c = ReferenceVectors.Get("events").EnumerateArray().First(e => e.GetProperty("signature").GetString()!.StartsWith("Named(", StringComparison.Ordinal));
        var decoded = named.Decode(c.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList(), c.GetProperty("data").GetString()!);
        Assert.Equal(c.GetProperty("topics")[1].GetString(), decoded["name"]);
    }

    [Fact]
    public void Signatures_match_ethers_with_rfc6979_nonces_low_s_and_recovery_id()
    {
        foreach (var c in ReferenceVectors.Get("signatures").EnumerateArray())
        {
            var key = EthKey.FromHex(c.GetProperty("key").GetString()!);
            Assert.Equal(c.GetProperty("address").GetString(), key.Address);
            var digest = Hex.Decode(c.GetProperty("digest").GetString()!);
            var signature = key.Sign(digest);
            Assert.Equal(c.GetProperty("r").GetString(), Hex.Encode(Word(signature.R)));
            Assert.Equal(c.GetProperty("s").GetString(), Hex.Encode(Word(signature.S)));
            Assert.Equal(c.GetProperty("yParity").GetInt32(), signature.RecoveryId);
            Assert.Equal(key.Address, EthKey.RecoverAddress(digest, signature));
        }
    }

    [Fact]
    public void Signed_eip1559_transactions_match_ethers_byte_for_byte()
    {
        var cases = ReferenceVectors.Get("transactions").EnumerateArray().ToList();
        Assert.Contains(cases, c => c.GetProperty("to").ValueKind == System.Text.Json.JsonValueKind.Null);
        foreach (var c in cases)
        {
            var tx = new Eip1559Transaction(
                long.Parse(c.GetProperty("chainId").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                c.GetProperty("nonce").GetInt64(),
                BigInteger.Parse(c.GetProperty("maxPriorityFeePerGas").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                BigInteger.Parse(c.GetProperty("maxFeePerGas").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(c.GetProperty("gasLimit").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                c.GetProperty("to").GetString(),
                BigInteger.Parse(c.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                Hex.Decode(c.GetProperty("data").GetString()!));
            var signed = tx.Sign(EthKey.FromHex(c.GetProperty("key").GetString()!));
            Assert.Equal(c.GetProperty("raw").GetString(), signed.RawHex);
            Assert.Equal(c.GetProperty("hash").GetString(), signed.Hash);
        }
    }

    private static byte[] Word(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - bytes.Length], .. bytes];
    }

    // Re-serialise the vector JSON with the same writer settings as AbiValues.ToJson (no whitespace, same escaping).
    private static string Normalize(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
