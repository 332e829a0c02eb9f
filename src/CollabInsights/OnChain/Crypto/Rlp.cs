using System.Collections;
using System.Numerics;

namespace CollabInsights.OnChain.Crypto;

/// <summary>Recursive Length Prefix encoding (Ethereum yellow paper, appendix B) of byte strings and nested lists.</summary>
public static class Rlp
{
    /// <summary>Encodes a byte string.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80)
        {
            return [bytes[0]];
        }

        return [.. Prefix(bytes.Length, 0x80), .. bytes];
    }

    /// <summary>Encodes a non-negative integer as its minimal big-endian bytes (zero is the empty string).</summary>
    public static byte[] EncodeInteger(BigInteger value) => EncodeBytes(Hex.ToMinimalBytes(value));

    /// <summary>Encodes a list whose items are already RLP-encoded.</summary>
    public static byte[] EncodeList(IEnumerable<byte[]> encodedItems)
    {
        var payload = encodedItems.SelectMany(i => i).ToArray();
        return [.. Prefix(payload.Length, 0xc0), .. payload];
    }

    /// <summary>Encodes an item: <c>byte[]</c>, <see cref="BigInteger"/>/<c>long</c>/<c>int</c> (minimal bytes), or a list of items.</summary>
    public static byte[] Encode(object item) => item switch
    {
        byte[] bytes => EncodeBytes(bytes),
        BigInteger big => EncodeInteger(big),
        long l => EncodeInteger(l),
        int i => EncodeInteger(i),
        IEnumerable list => EncodeList(list.Cast<object>().Select(Encode)),
        _ => throw new ArgumentException($"RLP encodes byte[], integers and lists, not {item.GetType().Name}.", nameof(item)),
    };

    private static byte[] Prefix(int length, byte offset)
    {
        if (length < 56)
        {
            return [(byte)(offset + length)];
        }

        var lengthBytes = Hex.ToMinimalBytes(length);
        return [(byte)(offset + 55 + lengthBytes.Length), .. lengthBytes];
    }
}
