using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace CollabInsights.OnChain.Crypto;

/// <summary>Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).</summary>
public static class Keccak256
{
    /// <summary>The 32-byte Keccak-256 hash of <paramref name="data"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        var output = new byte[32];
        digest.DoFinal(output);
        return output;
    }

    /// <summary>The Keccak-256 hash of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    /// <summary>The Keccak-256 hash of the UTF-8 bytes of <paramref name="text"/> as <c>0x</c>-hex (for example an event's topic 0).</summary>
    public static string HashToHex(string text) => Hex.Encode(Hash(text));
}
