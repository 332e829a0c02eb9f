using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>EIP-55 mixed-case checksum of an address (Keccak-256 from BouncyCastle).</summary>
internal static class Eip55
{
    public static string Checksum(string address)
    {
        var hex = address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? address[2..] : address;
        hex = hex.ToLowerInvariant();
        var digest = new KeccakDigest(256);
        var input = Encoding.ASCII.GetBytes(hex);
        digest.BlockUpdate(input, 0, input.Length);
        var hash = new byte[32];
        digest.DoFinal(hash, 0);
        var result = new StringBuilder("0x", 42);
        for (var i = 0; i < hex.Length; i++)
        {
            var nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            result.Append(nibble >= 8 ? char.ToUpperInvariant(hex[i]) : hex[i]);
        }

        return result.ToString();
    }
}
