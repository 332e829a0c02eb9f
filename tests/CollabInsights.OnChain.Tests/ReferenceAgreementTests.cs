using System.Numerics;
using System.Text;
using CollabInsights.OnChain.Abi;
using CollabInsights.OnChain.Extraction;
using Nethereum.ABI.FunctionEncoding;
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
    public void Nethereums_abi_encoding_matches_ethers_for_every_generated_type_combination()
    {
        var cases = ReferenceVectors.Get("abi").EnumerateArray().ToList();
        Assert.True(cases.Count > 200);
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var types = c.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToList();
            var parameters = types.Select((t, i) => NethereumAbiTypes.Parse(t, i + 1)).ToArray();
            var values = c.GetProperty("values").EnumerateArray().Select(ReferenceVectors.ToValue).Select((v, i) => NethereumAbiTypes.ToInput(v, parameters[i].ABIType)).ToArray();
            try
            {
                var encoded = new ParametersEncoder().EncodeParameters(parameters, values).ToHex(true);
                if (encoded != c.GetProperty("encoded").GetString())
                {
                    failures.Add(string.Join(",", types));
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidCastException or FormatException or NullReferenceException or InvalidOperationException or OverflowException)
            {
                failures.Add($"{string.Join(",", types)}: {e.GetType().Name} {e.Message}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Nethereums_abi_decoding_of_ethers_encodings_gives_the_values_back()
    {
        var cases = ReferenceVectors.Get("abi").EnumerateArray().ToList();
        Assert.True(cases.Count > 200);
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var types = c.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToList();
            var parameters = types.Select((t, i) => NethereumAbiTypes.Parse(t, i + 1)).ToArray();
            var expected = c.GetProperty("values").GetRawText();
            try
            {
                var decoded = new ParameterDecoder().DecodeDefaultData(c.GetProperty("encoded").GetString()!, parameters);
                var json = AbiValues.ToJson(decoded.Select(o => AbiValues.Normalise(o.Result, o.Parameter.ABIType)).ToList());
                if (json != Normalize(expected))
                {
                    failures.Add($"{string.Join(",", types)}: {json} != {expected}");
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidCastException or FormatException or NullReferenceException or InvalidOperationException or OverflowException or IndexOutOfRangeException)
            {
                failures.Add($"{string.Join(",", types)}: {e.GetType().Name} {e.Message}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Event_topics_and_decoded_logs_match_ethers_including_anonymous_overloaded_and_indexed_dynamic()
    {
        var abi = AbiJson.Parse(ReferenceVectors.Get("eventAbi").GetRawText());
        var decoder = new AbiLogDecoder(abi.Events);
        var cases = ReferenceVectors.Get("events").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        Assert.Contains(cases, c => c.GetProperty("anonymous").GetBoolean());
        Assert.Equal(2, abi.Events.Count(e => e.Name == "Ping"));
        foreach (var c in cases)
        {
            var signature = c.GetProperty("signature").GetString()!;
            var evt = Assert.Single(abi.Events, e => AbiLogDecoder.Signature(e) == signature && e.IsAnonymous == c.GetProperty("anonymous").GetBoolean());
            if (!evt.IsAnonymous)
            {
                Assert.Equal(c.GetProperty("topic0").GetString(), AbiLogDecoder.Topic0(evt));
            }

            var topics = c.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();
            var log = new OnChain.Rpc.RpcLog("0x5fbdb2315678afecb367f032d93f642f64180aa3", topics, c.GetProperty("data").GetString()!, 1, "0x" + new string('1', 64), "0x" + new string('2', 64), 0, 0, false);
            var decoded = decoder.Decode(log);
            Assert.True(decoded.Table.Name != OnChain.Extraction.EventTable.UnknownName, $"{signature} did not decode");
            Assert.StartsWith(evt.Name, decoded.Table.Name, StringComparison.Ordinal);
            Assert.Equal(c.GetProperty("names").EnumerateArray().Select(n => n.GetString()), evt.InputParameters.OrderBy(p => p.Order).Select(p => p.Name));
            var columns = decoded.Table.ParameterColumns;
            var json = "[" + string.Join(",", decoded.Values.Select((v, i) => columns[i].Kind == OnChain.Extraction.ColumnKind.Json ? (string)v! : AbiValues.ToJson(v))) + "]";
            Assert.Equal(Normalize(c.GetProperty("decoded").GetRawText()), Normalize(json));
        }
    }

    [Fact]
    public void Indexed_string_topic_is_the_hash_ethers_puts_in_the_log()
    {
        var abi = AbiJson.Parse(ReferenceVectors.Get("eventAbi").GetRawText());
        var c = ReferenceVectors.Get("events").EnumerateArray().First(e => e.GetProperty("signature").GetString()!.StartsWith("Named(", StringComparison.Ordinal));
        var topics = c.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();
        var decoded = new AbiLogDecoder(abi.Events).Decode(new OnChain.Rpc.RpcLog("0x5fbdb2315678afecb367f032d93f642f64180aa3", topics, c.GetProperty("data").GetString()!, 1, "0x" + new string('1', 64), "0x" + new string('2', 64), 0, 0, false));
        var name = decoded.Table.ParameterColumns.ToList().FindIndex(p => p.Name == "name");
        Assert.Equal(c.GetProperty("topics")[1].GetString(), decoded.Values[name]);
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
