using System.Numerics;

namespace Gatehouse.Audit.Proofs;

/// <summary>
/// An RFC 9162 Merkle tree over a fixed list of leaves, keeping every perfect subtree so that roots, inclusion proofs
/// and consistency proofs for any tree size up to <see cref="Size"/> take O(log² n) hashes, not O(n).
/// </summary>
/// <remarks>
/// Level k holds the roots of the aligned perfect subtrees of 2^k leaves (2n hashes in all, 64 bytes per leaf). Any
/// subtree MTH(D[start:start+size]) the RFC's recursions ask for is either one of them or splits, as MTH does, at the
/// largest power of two below its size. The proof definitions are RFC 9162 §2.1.3.1 (PATH) and §2.1.4.1 (SUBPROOF).
/// </remarks>
public sealed class MerkleTree
{
    private readonly List<byte[]> _levels;

    private MerkleTree(List<byte[]> levels, long size)
    {
        _levels = levels;
        Size = size;
    }

    /// <summary>Gets the number of leaves.</summary>
    public long Size { get; }

    /// <summary>Builds the tree whose leaves are the given entry hashes, in order.</summary>
    public static MerkleTree FromEntryHashes(IReadOnlyList<byte[]> entryHashes)
    {
        ArgumentNullException.ThrowIfNull(entryHashes);
        var leaves = new byte[checked(entryHashes.Count * MerkleHash.Size)];
        for (var i = 0; i < entryHashes.Count; i++)
        {
            MerkleHash.Leaf(entryHashes[i], leaves.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }

        return FromLeafHashes(leaves);
    }

    /// <summary>Builds the tree over <paramref name="leafHashes"/>: leaf hashes laid end to end, 32 bytes each.</summary>
    /// <remarks>The array is kept, not copied.</remarks>
    public static MerkleTree FromLeafHashes(byte[] leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        if (leafHashes.Length % MerkleHash.Size != 0)
        {
            throw new ArgumentException("Leaf hashes are 32 bytes each.", nameof(leafHashes));
        }

        var levels = new List<byte[]> { leafHashes };
        var below = leafHashes;
        while (below.Length >= 2 * MerkleHash.Size)
        {
            var count = below.Length / MerkleHash.Size / 2;
            var level = new byte[count * MerkleHash.Size];
            for (var i = 0; i < count; i++)
            {
                MerkleHash.Node(Slot(below, 2 * i), Slot(below, (2 * i) + 1), level.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }

            levels.Add(level);
            below = level;
        }

        return new MerkleTree(levels, leafHashes.Length / MerkleHash.Size);
    }

    /// <summary>Returns the root of the first <paramref name="treeSize"/> leaves (MTH(D[0:treeSize])).</summary>
    public byte[] RootAt(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, Size);
        return treeSize == 0 ? MerkleHash.EmptyRoot.ToArray() : SubtreeRoot(0, treeSize);
    }

    /// <summary>Returns the audit path of leaf <paramref name="leafIndex"/> in the tree of the first <paramref name="treeSize"/> leaves.</summary>
    public IReadOnlyList<byte[]> InclusionProof(long leafIndex, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, Size);
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);
        var path = new List<byte[]>();
        AddPath(leafIndex, 0, treeSize, path);
        return path;
    }

    /// <summary>Returns the consistency proof from the tree of <paramref name="first"/> leaves to that of <paramref name="second"/>.</summary>
    /// <remarks>Empty when <paramref name="first"/> is 0 or equals <paramref name="second"/>.</remarks>
    public IReadOnlyList<byte[]> ConsistencyProof(long first, long second)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(second, Size);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);
        var proof = new List<byte[]>();
        if (first > 0)
        {
            AddSubproof(first, 0, second, complete: true, proof);
        }

        return proof;
    }

    internal static long LargestPowerOfTwoBelow(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    private static ReadOnlySpan<byte> Slot(byte[] level, long index) =>
        level.AsSpan(checked((int)(index * MerkleHash.Size)), MerkleHash.Size);

    // PATH(m, D[start:start+n]), deepest sibling first.
    private void AddPath(long m, long start, long n, List<byte[]> path)
    {
        if (n <= 1)
        {
            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            AddPath(m, start, k, path);
            path.Add(SubtreeRoot(start + k, n - k));
        }
        else
        {
            AddPath(m - k, start + k, n - k, path);
            path.Add(SubtreeRoot(start, k));
        }
    }

    // SUBPROOF(m, D[start:start+n], b).
    private void AddSubproof(long m, long start, long n, bool complete, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!complete)
            {
                proof.Add(SubtreeRoot(start, n));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            AddSubproof(m, start, k, complete, proof);
            proof.Add(SubtreeRoot(start + k, n - k));
        }
        else
        {
            AddSubproof(m - k, start + k, n - k, complete: false, proof);
            proof.Add(SubtreeRoot(start, k));
        }
    }

    private byte[] SubtreeRoot(long start, long size)
    {
        if (BitOperations.IsPow2(size) && start % size == 0)
        {
            return Slot(_levels[BitOperations.Log2((ulong)size)], start / size).ToArray();
        }

        var k = LargestPowerOfTwoBelow(size);
        return MerkleHash.Node(SubtreeRoot(start, k), SubtreeRoot(start + k, size - k));
    }
}
