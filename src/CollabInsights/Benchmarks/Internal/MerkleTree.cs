using System.Security.Cryptography;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>
/// RFC 6962-style Merkle tree over content hashes: leaf = SHA-256(0x00 || h), node =
/// SHA-256(0x01 || left || right); an odd node at the end of a level is promoted unchanged.
/// </summary>
internal static class MerkleTree
{
    public static byte[] Leaf(byte[] contentHash)
    {
        Span<byte> buffer = stackalloc byte[33];
        buffer[0] = 0;
        contentHash.CopyTo(buffer[1..]);
        return SHA256.HashData(buffer);
    }

    public static byte[] Node(byte[] left, byte[] right)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        return SHA256.HashData(buffer);
    }

    public static byte[] Root(IReadOnlyList<byte[]> contentHashes)
    {
        if (contentHashes.Count == 0)
        {
            return SHA256.HashData([]);
        }

        var level = contentHashes.Select(Leaf).ToList();
        while (level.Count > 1)
        {
            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                next.Add(i + 1 < level.Count ? Node(level[i], level[i + 1]) : level[i]);
            }

            level = next;
        }

        return level[0];
    }

    /// <summary>Sibling path of leaf <paramref name="index"/>: each step is 'L' or 'R' (side of the sibling) followed by its hex hash.</summary>
    public static List<string> Proof(IReadOnlyList<byte[]> contentHashes, int index)
    {
        var steps = new List<string>();
        var level = contentHashes.Select(Leaf).ToList();
        while (level.Count > 1)
        {
            var sibling = index ^ 1;
            if (sibling < level.Count)
            {
                steps.Add((sibling < index ? "L" : "R") + Convert.ToHexStringLower(level[sibling]));
            }

            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                next.Add(i + 1 < level.Count ? Node(level[i], level[i + 1]) : level[i]);
            }

            level = next;
            index /= 2;
        }

        return steps;
    }

    public static byte[] RootFromProof(byte[] contentHash, IEnumerable<string> steps)
    {
        var current = Leaf(contentHash);
        foreach (var step in steps)
        {
            var sibling = Convert.FromHexString(step.AsSpan(1));
            current = step[0] == 'L' ? Node(sibling, current) : Node(current, sibling);
        }

        return current;
    }
}
