using System.Numerics;
using System.Text.Json;
using CollabInsights.OnChain.Crypto;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>
/// Recomputes what an Ethereum block header commits to, from JSON-RPC data: the block hash
/// (Keccak-256 of the RLP-encoded header) and the receipts root (the Merkle Patricia trie of the
/// block's receipts keyed by RLP(index)). A receipt whose log holds a record is proven by
/// checking both against the block hash.
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
    public static byte[] HeaderHash(JsonElement block) => Keccak256.Hash(HeaderRlp(block));

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
            items.Add(Quantities.Contains(field) ? Rlp.EncodeInteger(Hex.DecodeBigInteger(text)) : Rlp.EncodeBytes(Hex.Decode(text)));
        }

        return Rlp.EncodeList(items);
    }

    /// <summary>The receipts root (item 5) of an RLP-encoded header.</summary>
    public static byte[] ReceiptsRootOfHeader(byte[] headerRlp)
    {
        var (offset, _) = Prefix(headerRlp, 0);
        for (var item = 0; item < 5; item++)
        {
            var (start, length) = Prefix(headerRlp, offset);
            offset = start + length;
        }

        var (rootStart, rootLength) = Prefix(headerRlp, offset);
        return headerRlp.AsSpan(rootStart, rootLength).ToArray();
    }

    /// <summary>Start and length of the payload of the RLP item at <paramref name="position"/>.</summary>
    private static (int Start, int Length) Prefix(byte[] rlp, int position)
    {
        var b = rlp[position];
        return b switch
        {
            < 0x80 => (position, 1),
            <= 0xB7 => (position + 1, b - 0x80),
            < 0xC0 => (position + 1 + (b - 0xB7), BigLength(rlp, position + 1, b - 0xB7)),
            <= 0xF7 => (position + 1, b - 0xC0),
            _ => (position + 1 + (b - 0xF7), BigLength(rlp, position + 1, b - 0xF7)),
        };
    }

    private static int BigLength(byte[] rlp, int start, int count)
    {
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            length = (length << 8) | rlp[start + i];
        }

        return length;
    }

    /// <summary>The consensus encoding of one receipt (an <c>eth_getTransactionReceipt</c> result): type byte (when typed) then RLP[status, cumulative gas, bloom, logs].</summary>
    public static byte[] EncodeReceipt(JsonElement receipt)
    {
        var logs = receipt.GetProperty("logs").EnumerateArray().Select(log => Rlp.EncodeList(
        [
            Rlp.EncodeBytes(Hex.Decode(log.GetProperty("address").GetString()!)),
            Rlp.EncodeList(log.GetProperty("topics").EnumerateArray().Select(t => Rlp.EncodeBytes(Hex.Decode(t.GetString()!)))),
            Rlp.EncodeBytes(Hex.Decode(log.GetProperty("data").GetString()!)),
        ])).ToList();
        var body = Rlp.EncodeList(
        [
            Rlp.EncodeInteger(Hex.DecodeBigInteger(receipt.GetProperty("status").GetString()!)),
            Rlp.EncodeInteger(Hex.DecodeBigInteger(receipt.GetProperty("cumulativeGasUsed").GetString()!)),
            Rlp.EncodeBytes(Hex.Decode(receipt.GetProperty("logsBloom").GetString()!)),
            Rlp.EncodeList(logs),
        ]);
        var type = receipt.TryGetProperty("type", out var t) ? (int)Hex.DecodeLong(t.GetString()!) : 0;
        return type == 0 ? body : [(byte)type, .. body];
    }

    /// <summary>The root of the Merkle Patricia trie mapping RLP(i) to <paramref name="encodedReceipts"/>[i].</summary>
    public static byte[] ReceiptsRoot(IReadOnlyList<byte[]> encodedReceipts)
    {
        var items = encodedReceipts.Select((value, i) => (Key: Nibbles(Rlp.EncodeInteger(new BigInteger(i))), Value: value)).ToList();
        return Keccak256.Hash(Node(items));
    }

    private static byte[] Node(List<(byte[] Key, byte[] Value)> items)
    {
        if (items.Count == 0)
        {
            return Rlp.EncodeBytes([]);
        }

        if (items.Count == 1)
        {
            return Rlp.EncodeList([Rlp.EncodeBytes(HexPrefix(items[0].Key, leaf: true)), Rlp.EncodeBytes(items[0].Value)]);
        }

        var prefix = CommonPrefix(items);
        if (prefix > 0)
        {
            var rest = items.Select(x => (x.Key[prefix..], x.Value)).ToList();
            return Rlp.EncodeList([Rlp.EncodeBytes(HexPrefix(items[0].Key[..prefix], leaf: false)), Reference(Node(rest))]);
        }

        var slots = new List<byte[]>(17);
        for (var nibble = 0; nibble < 16; nibble++)
        {
            var group = items.Where(x => x.Key.Length > 0 && x.Key[0] == nibble).Select(x => (x.Key[1..], x.Value)).ToList();
            slots.Add(group.Count == 0 ? Rlp.EncodeBytes([]) : Reference(Node(group)));
        }

        var terminal = items.FirstOrDefault(x => x.Key.Length == 0);
        slots.Add(Rlp.EncodeBytes(terminal.Value ?? []));
        return Rlp.EncodeList(slots);
    }

    private static byte[] Reference(byte[] encodedNode) => encodedNode.Length < 32 ? encodedNode : Rlp.EncodeBytes(Keccak256.Hash(encodedNode));

    private static int CommonPrefix(List<(byte[] Key, byte[] Value)> items)
    {
        var length = items.Min(x => x.Key.Length);
        for (var i = 0; i < length; i++)
        {
            if (items.Any(x => x.Key[i] != items[0].Key[i]))
            {
                return i;
            }
        }

        return length;
    }

    private static byte[] Nibbles(byte[] bytes)
    {
        var result = new byte[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            result[2 * i] = (byte)(bytes[i] >> 4);
            result[(2 * i) + 1] = (byte)(bytes[i] & 0x0F);
        }

        return result;
    }

    private static byte[] HexPrefix(byte[] nibbles, bool leaf)
    {
        var odd = nibbles.Length % 2 == 1;
        var flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
        var result = new List<byte>();
        var start = 0;
        if (odd)
        {
            result.Add((byte)((flag << 4) | nibbles[0]));
            start = 1;
        }
        else
        {
            result.Add((byte)(flag << 4));
        }

        for (var i = start; i < nibbles.Length; i += 2)
        {
            result.Add((byte)((nibbles[i] << 4) | nibbles[i + 1]));
        }

        return [.. result];
    }
}
