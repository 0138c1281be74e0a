namespace Gatehouse.Audit.Proofs;

/// <summary>Checks inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 describe.</summary>
/// <remarks>
/// Every hash must be 32 bytes and every proof exactly as long as the sizes imply: a node too many or too few, a
/// wrong index or size, or any changed bit yields false. Consistency between equal sizes (empty proof, equal roots)
/// and from the empty tree (empty proof) are accepted as the RFC's SUBPROOF defines them.
/// </remarks>
public static class MerkleVerifier
{
    /// <summary>Returns whether <paramref name="leafHash"/> is leaf <paramref name="leafIndex"/> of the tree of <paramref name="treeSize"/> leaves with <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(
        long leafIndex, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> auditPath, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(auditPath);
        if (leafIndex < 0 || leafIndex >= treeSize || leafHash.Length != MerkleHash.Size || !AllHashes(auditPath))
        {
            return false;
        }

        var fn = leafIndex;
        var sn = treeSize - 1;
        Span<byte> r = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(r);
        foreach (var p in auditPath)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(p, r, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.Node(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.SequenceEqual(root);
    }

    /// <summary>Returns whether the tree of <paramref name="second"/> leaves with <paramref name="secondRoot"/> extends the tree of <paramref name="first"/> leaves with <paramref name="firstRoot"/>.</summary>
    public static bool VerifyConsistency(
        long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (first < 0 || first > second || firstRoot.Length != MerkleHash.Size || secondRoot.Length != MerkleHash.Size
            || !AllHashes(proof))
        {
            return false;
        }

        if (first == second)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }

        if (first == 0)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(MerkleHash.EmptyRoot);
        }

        if (proof.Count == 0)
        {
            return false;
        }

        // When the old tree is a perfect subtree its root is the proof's implicit first node.
        IReadOnlyList<byte[]> path = (first & (first - 1)) == 0 ? [firstRoot.ToArray(), .. proof] : proof;
        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        path[0].CopyTo(fr);
        path[0].CopyTo(sr);
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(c, fr, fr);
                MerkleHash.Node(c, sr, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.Node(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.SequenceEqual(firstRoot) && sr.SequenceEqual(secondRoot);
    }

    private static bool AllHashes(IReadOnlyList<byte[]> hashes)
    {
        foreach (var hash in hashes)
        {
            if (hash is null || hash.Length != MerkleHash.Size)
            {
                return false;
            }
        }

        return true;
    }
}
