using System.Numerics;
using System.Text;
using CollabInsights.OnChain.Abi;
using CollabInsights.OnChain.Transactions;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;

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
            Assert.Equal(c.GetProperty("hash").GetString(), ("0x" + Sha3Keccack.Current.CalculateHash(c.GetProperty("input").GetString()!)));
        }
    }

    [Fact]
    public void Checksummed_addresses_match_ethers()
    {
        var cases = ReferenceVectors.Get("checksums").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var expected = c.GetProperty("checksummed").GetString()!;
            Assert.Equal(expected, AddressUtil.Current.ConvertToChecksumAddress(c.GetProperty("lower").GetString()!));
            Assert.True(AddressUtil.Current.IsChecksumAddress(expected));
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
            var encoded = AbiEncoder.Encode(types, values).ToHex(true);
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
            var decoded = AbiDecoder.Decode(types, (c.GetProperty("encoded").GetString()!).HexToByteArray());
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
    public void Nethereum_signatures_match_ethers_with_rfc6979_nonces_low_s_and_recovery_id()
    {
        var cases = ReferenceVectors.Get("signatures").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var key = new EthECKey(c.GetProperty("key").GetString()!);
            Assert.Equal(c.GetProperty("address").GetString(), key.GetPublicAddress());
            var digest = c.GetProperty("digest").GetString()!.HexToByteArray();
            var signature = key.SignAndCalculateYParityV(digest);
            Assert.Equal(c.GetProperty("r").GetString(), Word(signature.R).ToHex(true));
            Assert.Equal(c.GetProperty("s").GetString(), Word(signature.S).ToHex(true));
            Assert.Equal(c.GetProperty("yParity").GetInt32(), signature.V.Length == 0 ? 0 : signature.V[^1]);
            Assert.Equal(key.GetPublicAddress(), EthECKey.RecoverFromParityYSignature(signature, digest).GetPublicAddress());
        }
    }

    [Fact]
    public void Eip1559_transactions_signed_by_nethereums_account_transaction_manager_match_ethers_byte_for_byte()
    {
        var cases = ReferenceVectors.Get("transactions").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        Assert.Contains(cases, c => c.GetProperty("to").ValueKind == System.Text.Json.JsonValueKind.Null);
        foreach (var c in cases)
        {
            BigInteger Number(string name) => BigInteger.Parse(c.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            // The account and settings the kit sends with (Signers.Create), signing offline: no node is asked for anything.
            var web3 = Signers.Create(new Nethereum.JsonRpc.Client.RpcClient(new Uri("http://127.0.0.1:1")), new EthECKey(c.GetProperty("key").GetString()!), Number("chainId"));
            var manager = (Nethereum.Web3.Accounts.AccountSignerTransactionManager)web3.TransactionManager;
            var raw = manager.SignTransaction(new Nethereum.RPC.Eth.DTOs.TransactionInput
            {
                From = web3.SenderAddress(),
                Type = new HexBigInteger(2),
                Nonce = new HexBigInteger(c.GetProperty("nonce").GetInt64()),
                MaxPriorityFeePerGas = new HexBigInteger(Number("maxPriorityFeePerGas")),
                MaxFeePerGas = new HexBigInteger(Number("maxFeePerGas")),
                Gas = new HexBigInteger(Number("gasLimit")),
                To = c.GetProperty("to").GetString(),
                Value = new HexBigInteger(Number("value")),
                Data = c.GetProperty("data").GetString()!,
            }).EnsureHexPrefix();
            Assert.Equal(c.GetProperty("raw").GetString(), raw);
            Assert.Equal(c.GetProperty("hash").GetString(), Sha3Keccack.Current.CalculateHash(raw.HexToByteArray()).ToHex(true));
        }
    }

    private static byte[] Word(byte[] value) => [.. new byte[32 - value.Length], .. value];

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
