using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Merkle.Patricia;
using Nethereum.Model;
using Nethereum.RLP;
using Nethereum.Util;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>
/// Recomputes what an Ethereum block header commits to, from JSON-RPC data: the block hash
/// (Keccak-256 of the RLP-encoded header) and the receipts root (the Merkle Patricia trie of the
/// block's receipts keyed by RLP(index)). A receipt whose log holds a record is proven by
/// checking both against the block hash. RLP, receipt encoding and the trie are Nethereum's
/// (<c>Nethereum.RLP</c>, <c>Nethereum.Model.ReceiptEncoder</c>, <c>Nethereum.Merkle.Patricia</c>); only the
/// header's field order is ours, because the header fields a node returns depend on the fork.
/// </summary>
internal static class EthProof
{
    // Header fields in consensus order; the optional tail depends on the fork (London ... Prague).
    private static readonly string[] HeaderFields =
    [
        "parentHash", "sha3Uncles", "miner", "stateRoot", "transactionsRoot", "receiptsRoot", "logsBloom",
        "difficulty", "number", "gasLimit", "gasUsed", "timestamp", "extraData", "mixHash", "nonce",
        "baseFeePerGas", "withdrawalsRoot", "blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot", "requestsHash",
    ];

    private static readonly HashSet<string> Quantities = ["difficulty", "number", "gasLimit", "gasUsed", "timestamp", "baseFeePerGas", "blobGasUsed", "excessBlobGas"];

    /// <summary>Keccak-256 of the RLP-encoded header of <paramref name="block"/> (an <c>eth_getBlockByNumber</c> result).</summary>
    public static byte[] HeaderHash(JsonElement block) => Sha3Keccack.Current.CalculateHash(HeaderRlp(block));

    /// <summary>The RLP encoding of the header of <paramref name="block"/>.</summary>
    public static byte[] HeaderRlp(JsonElement block)
    {
        var items = new List<byte[]>();
        foreach (var field in HeaderFields)
        {
            if (!block.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
            {
                if (Array.IndexOf(HeaderFields, field) < 15)
                {
                    throw new FormatException($"Block header field {field} is missing.");
                }

                continue;
            }

            var text = value.GetString()!;
            items.Add(RLP.EncodeElement(Quantities.Contains(field) ? text.HexToBigInteger(false).ToBytesForRLPEncoding() : text.HexToByteArray()));
        }

        return RLP.EncodeList([.. items]);
    }

    /// <summary>The receipts root (item 5) of an RLP-encoded header.</summary>
    public static byte[] ReceiptsRootOfHeader(byte[] headerRlp) =>
        ((RLPCollection)RLP.Decode(headerRlp))[5].RLPData ?? [];

    /// <summary>The consensus encoding of one receipt (an <c>eth_getTransactionReceipt</c> result): type byte (when typed) then RLP[status, cumulative gas, bloom, logs].</summary>
    public static byte[] EncodeReceipt(JsonElement receipt)
    {
        var logs = receipt.GetProperty("logs").EnumerateArray().Select(log => Log.Create(
            log.GetProperty("data").GetString()!.HexToByteArray(),
            log.GetProperty("address").GetString()!,
            [.. log.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!.HexToByteArray())])).ToList();
        var model = Receipt.CreateStatusReceipt(
            receipt.GetProperty("status").GetString()!.HexToBigInteger(false) == 1,
            receipt.GetProperty("cumulativeGasUsed").GetString()!.HexToBigInteger(false),
            receipt.GetProperty("logsBloom").GetString()!.HexToByteArray(),
            logs);
        var type = receipt.TryGetProperty("type", out var t) ? (byte)t.GetString()!.HexToBigInteger(false) : (byte)0;
        return type == 0 ? ReceiptEncoder.Current.Encode(model) : ReceiptEncoder.Current.EncodeTyped(model, type);
    }

    /// <summary>The root of the Merkle Patricia trie mapping RLP(i) to <paramref name="encodedReceipts"/>[i].</summary>
    public static byte[] ReceiptsRoot(IReadOnlyList<byte[]> encodedReceipts)
    {
        var trie = new PatriciaTrie();
        for (var i = 0; i < encodedReceipts.Count; i++)
        {
            trie.Put(RLP.EncodeElement(i.ToBytesForRLPEncoding()), encodedReceipts[i]);
        }

        return trie.Root.GetHash();
    }
}
