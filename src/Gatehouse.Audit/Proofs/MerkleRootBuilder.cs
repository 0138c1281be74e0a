namespace Gatehouse.Audit.Proofs;

/// <summary>Computes the RFC 9162 root of a stream of leaves in O(log n) memory.</summary>
/// <remarks>
/// The stack holds the roots of the perfect subtrees the leaves so far decompose into (one per set bit of the count,
/// largest first). Appending merges equal-height neighbours like a binary carry; the root folds the stack from the
/// right, which is exactly MTH's split at the largest power of two below n.
/// </remarks>
public sealed class MerkleRootBuilder
{
    private readonly List<byte[]> _subtrees = [];
    private readonly List<int> _heights = [];

    /// <summary>Gets the number of leaves appended.</summary>
    public long Size { get; private set; }

    /// <summary>Appends the leaf of an entry whose entry hash is <paramref name="entryHash"/>.</summary>
    public void AppendEntry(ReadOnlySpan<byte> entryHash)
    {
        Span<byte> leaf = stackalloc byte[MerkleHash.Size];
        MerkleHash.Leaf(entryHash, leaf);
        AppendLeaf(leaf);
    }

    /// <summary>Appends a leaf hash (already <see cref="MerkleHash.Leaf(ReadOnlySpan{byte})"/>-hashed).</summary>
    public void AppendLeaf(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException("A leaf hash is 32 bytes.", nameof(leafHash));
        }

        var node = leafHash.ToArray();
        var height = 0;
        while (_heights.Count > 0 && _heights[^1] == height)
        {
            MerkleHash.Node(_subtrees[^1], node, node);
            _subtrees.RemoveAt(_subtrees.Count - 1);
            _heights.RemoveAt(_heights.Count - 1);
            height++;
        }

        _subtrees.Add(node);
        _heights.Add(height);
        Size++;
    }

    /// <summary>Returns the root of the leaves appended so far (the empty-tree root when there are none).</summary>
    public byte[] ComputeRoot()
    {
        if (_subtrees.Count == 0)
        {
            return MerkleHash.EmptyRoot.ToArray();
        }

        var root = _subtrees[^1].ToArray();
        for (var i = _subtrees.Count - 2; i >= 0; i--)
        {
            MerkleHash.Node(_subtrees[i], root, root);
        }

        return root;
    }
}
