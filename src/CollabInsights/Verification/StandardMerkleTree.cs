using System.Buffers.Binary;
using Nethereum.Hex.HexConvertors.Extensions;
using CollabInsights.Verification.Internal;

namespace CollabInsights.Verification;

/// <summary>
/// A Merkle tree laid out exactly as OpenZeppelin's <c>StandardMerkleTree</c> (npm <c>@openzeppelin/merkle-tree</c> 1.x)
/// lays it out, so its roots and proofs are interchangeable with that library and verify on chain with
/// OpenZeppelin's <c>MerkleProof.sol</c>: a leaf is <c>keccak256(keccak256(abi.encode(values)))</c>; a node is the
/// Keccak-256 of its two children in ascending byte order (sorted pairs, so a proof needs no left/right flags);
/// leaves are sorted by hash (ascending, ties in input order) and stored from the end of one array of
/// <c>2n - 1</c> nodes whose node <c>i</c> has children <c>2i + 1</c> and <c>2i + 2</c>; the root is node 0.
/// A proof is the list of sibling hashes from the leaf up to (not including) the root.
/// </summary>
public sealed class StandardMerkleTree
{
    private readonly byte[] _nodes;
    private readonly int[] _treeIndex;

    private StandardMerkleTree(byte[] nodes, int[] treeIndex)
    {
        _nodes = nodes;
        _treeIndex = treeIndex;
    }

    /// <summary>Number of leaves (values) in the tree.</summary>
    public int LeafCount => _treeIndex.Length;

    /// <summary>The root (32 bytes).</summary>
    public byte[] Root => _nodes.AsSpan(0, 32).ToArray();

    /// <summary>The root as <c>0x</c>-hex, as the npm library prints it.</summary>
    public string RootHex => _nodes.AsSpan(0, 32).ToArray().ToHex(true);

    /// <summary>
    /// Builds the tree over leaf hashes given in value order (value <c>i</c> is <c>leafHashes[32i..32i+32]</c>);
    /// throws <see cref="CollabInsightsException"/> when there are none.
    /// </summary>
    public static StandardMerkleTree Build(ReadOnlySpan<byte> leafHashes)
    {
        if (leafHashes.Length == 0 || leafHashes.Length % 32 != 0)
        {
            throw new CollabInsightsException($"A Merkle tree needs at least one 32-byte leaf hash; got {leafHashes.Length} bytes. Anchor a dataset with at least one record.");
        }

        var n = leafHashes.Length / 32;
        var order = SortedOrder(leafHashes, n);
        var nodes = new byte[((2 * n) - 1) * 32];
        var treeIndex = new int[n];
        var total = (2 * n) - 1;
        for (var i = 0; i < n; i++)
        {
            var position = total - 1 - i;
            leafHashes.Slice(order[i] * 32, 32).CopyTo(nodes.AsSpan(position * 32, 32));
            treeIndex[order[i]] = position;
        }

        for (var i = total - 1 - n; i >= 0; i--)
        {
            KeccakHasher.NodeHash(nodes.AsSpan(((2 * i) + 1) * 32, 32), nodes.AsSpan(((2 * i) + 2) * 32, 32), nodes.AsSpan(i * 32, 32));
        }

        return new StandardMerkleTree(nodes, treeIndex);
    }

    /// <summary>Builds the tree over leaf hashes in value order (each 32 bytes).</summary>
    public static StandardMerkleTree Build(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var flat = new byte[leafHashes.Count * 32];
        for (var i = 0; i < leafHashes.Count; i++)
        {
            if (leafHashes[i].Length != 32)
            {
                throw new CollabInsightsException($"Leaf {i} is {leafHashes[i].Length} bytes long; every Merkle leaf hash is 32 bytes.");
            }

            leafHashes[i].CopyTo(flat, i * 32);
        }

        return Build(flat);
    }

    /// <summary>The leaf hash of value <paramref name="valueIndex"/>.</summary>
    public byte[] LeafHash(int valueIndex) => _nodes.AsSpan(TreeIndex(valueIndex) * 32, 32).ToArray();

    /// <summary>Where value <paramref name="valueIndex"/> sits in the node array (the npm library's <c>treeIndex</c>).</summary>
    public int TreeIndex(int valueIndex)
    {
        if ((uint)valueIndex >= (uint)_treeIndex.Length)
        {
            throw new CollabInsightsException($"Leaf {valueIndex} is not in the tree: it has {_treeIndex.Length} leaves (0 to {_treeIndex.Length - 1}).");
        }

        return _treeIndex[valueIndex];
    }

    /// <summary>The proof of value <paramref name="valueIndex"/>: sibling hashes from the leaf up to the root's children.</summary>
    public IReadOnlyList<byte[]> GetProof(int valueIndex)
    {
        var index = TreeIndex(valueIndex);
        var proof = new List<byte[]>(32);
        while (index > 0)
        {
            var sibling = index % 2 == 1 ? index + 1 : index - 1;
            proof.Add(_nodes.AsSpan(sibling * 32, 32).ToArray());
            index = (index - 1) / 2;
        }

        return proof;
    }

    /// <summary>The root a proof leads to from <paramref name="leaf"/> (OpenZeppelin's <c>processProof</c>).</summary>
    public static byte[] ProcessProof(ReadOnlySpan<byte> leaf, IEnumerable<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (leaf.Length != 32)
        {
            throw new CollabInsightsException($"A Merkle leaf is 32 bytes; this one is {leaf.Length}.");
        }

        var current = leaf.ToArray();
        foreach (var sibling in proof)
        {
            if (sibling.Length != 32)
            {
                throw new CollabInsightsException($"A Merkle proof step is 32 bytes; one is {sibling.Length}.");
            }

            KeccakHasher.NodeHash(current, sibling, current);
        }

        return current;
    }

    /// <summary>Whether <paramref name="proof"/> leads from <paramref name="leaf"/> to <paramref name="root"/> (OpenZeppelin's <c>MerkleProof.verify</c>).</summary>
    public static bool Verify(ReadOnlySpan<byte> root, ReadOnlySpan<byte> leaf, IEnumerable<byte[]> proof) =>
        ProcessProof(leaf, proof).AsSpan().SequenceEqual(root);

    /// <summary>OpenZeppelin's standard leaf hash of already ABI-encoded values: <c>keccak256(keccak256(encoded))</c>.</summary>
    public static byte[] HashLeaf(ReadOnlySpan<byte> abiEncoded)
    {
        var output = new byte[32];
        KeccakHasher.LeafHash(abiEncoded, output);
        return output;
    }

    /// <summary>OpenZeppelin's node hash: Keccak-256 of the two hashes in ascending byte order.</summary>
    public static byte[] HashNode(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var output = new byte[32];
        KeccakHasher.NodeHash(a, b, output);
        return output;
    }

    // Value indices sorted by leaf hash ascending, ties in input order (JavaScript's stable Array.prototype.sort).
    private static int[] SortedOrder(ReadOnlySpan<byte> leaves, int n)
    {
        var keys = new ulong[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = BinaryPrimitives.ReadUInt64BigEndian(leaves.Slice(i * 32, 8));
            order[i] = i;
        }

        Array.Sort(keys, order);
        var copy = leaves.ToArray();
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start, Comparer<int>.Create((x, y) =>
                {
                    var c = copy.AsSpan(x * 32, 32).SequenceCompareTo(copy.AsSpan(y * 32, 32));
                    return c != 0 ? c : x.CompareTo(y);
                }));
            }

            start = end;
        }

        return order;
    }
}
