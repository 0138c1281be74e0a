namespace Gatehouse.Audit.Proofs;

/// <summary>Computes the RFC 9162 root of a stream of leaves in O(log n) memory.</summary>
/// <remarks>
/// The stack holds the roots of the perfect subtrees the leaves so far decompose into (one per set bit of the count,
/// largest first). Appending merges equal-height neighbours like a binary carry; the root folds the stack from the
/// right, which is exactly MTH's split at the largest power of two below n.
/// </remarks>
public sealed class MerkleRootBuilder
{
    // At most one subtree per bit of the leaf count, so 64 slots hold any long count; no allocation per leaf.
    private readonly byte[] _subtrees = new byte[64 * MerkleHash.Size];
    private readonly int[] _heights = new int[64];
    private int _count;

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

        Span<byte> node = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(node);
        var height = 0;
        while (_count > 0 && _heights[_count - 1] == height)
        {
            _count--;
            MerkleHash.Node(Slot(_count), node, node);
            height++;
        }

        node.CopyTo(Slot(_count));
        _heights[_count] = height;
        _count++;
        Size++;
    }

    /// <summary>Returns the root of the leaves appended so far (the empty-tree root when there are none).</summary>
    public byte[] ComputeRoot()
    {
        if (_count == 0)
        {
            return MerkleHash.EmptyRoot.ToArray();
        }

        var root = Slot(_count - 1).ToArray();
        for (var i = _count - 2; i >= 0; i--)
        {
            MerkleHash.Node(Slot(i), root, root);
        }

        return root;
    }

    private Span<byte> Slot(int index) => _subtrees.AsSpan(index * MerkleHash.Size, MerkleHash.Size);
}
