using Org.BouncyCastle.Crypto.Digests;

namespace CollabInsights.Verification.Internal;

/// <summary>
/// Keccak-256 (Ethereum's, the original padding) with one digest per thread, so hashing millions of
/// Merkle nodes allocates nothing per hash. The same function as Nethereum's <c>Sha3Keccack</c> (both are BouncyCastle's Keccak).
/// </summary>
internal static class KeccakHasher
{
    [ThreadStatic]
    private static KeccakDigest? t_digest;

    /// <summary>Writes the hash of <paramref name="data"/> into <paramref name="output"/> (32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        var digest = t_digest ??= new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(output);
    }

    /// <summary>The hash of <paramref name="data"/> as a new array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[32];
        Hash(data, output);
        return output;
    }

    /// <summary>OpenZeppelin's node hash: Keccak-256 of the two children concatenated in ascending byte order.</summary>
    public static void NodeHash(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> output)
    {
        Span<byte> buffer = stackalloc byte[64];
        if (a.SequenceCompareTo(b) <= 0)
        {
            a.CopyTo(buffer);
            b.CopyTo(buffer[32..]);
        }
        else
        {
            b.CopyTo(buffer);
            a.CopyTo(buffer[32..]);
        }

        Hash(buffer, output);
    }

    /// <summary>OpenZeppelin's standard leaf hash: Keccak-256 of the Keccak-256 of the ABI-encoded values.</summary>
    public static void LeafHash(ReadOnlySpan<byte> abiEncoded, Span<byte> output)
    {
        Span<byte> inner = stackalloc byte[32];
        Hash(abiEncoded, inner);
        Hash(inner, output);
    }
}
