namespace Gatehouse.Audit.Tests.Proofs;

/// <summary>Every way of damaging a proof that a verifier must refuse.</summary>
internal static class ProofMutations
{
    /// <summary>Returns the proof with one bit flipped, for every bit of every node.</summary>
    public static IEnumerable<List<byte[]>> FlippedBits(IReadOnlyList<byte[]> proof)
    {
        for (var node = 0; node < proof.Count; node++)
        {
            for (var bit = 0; bit < proof[node].Length * 8; bit++)
            {
                yield return proof.Select((h, i) => i == node ? Flip(h, bit) : h).ToList();
            }
        }
    }

    /// <summary>Returns the proof cut short by one node at either end, and grown by one node at either end.</summary>
    public static IEnumerable<List<byte[]>> ResizedProofs(IReadOnlyList<byte[]> proof, byte[] extra)
    {
        if (proof.Count > 0)
        {
            yield return proof.Skip(1).ToList();
            yield return proof.Take(proof.Count - 1).ToList();
        }

        yield return [.. proof, extra];
        yield return [extra, .. proof];
        if (proof.Count > 0)
        {
            yield return [.. proof, proof[^1]];
        }
    }

    /// <summary>Returns the proof with each pair of neighbouring nodes swapped.</summary>
    public static IEnumerable<List<byte[]>> Swapped(IReadOnlyList<byte[]> proof)
    {
        for (var i = 0; i + 1 < proof.Count; i++)
        {
            var swapped = proof.ToList();
            (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
            yield return swapped;
        }
    }

    public static byte[] Flip(byte[] hash, int bit)
    {
        var copy = hash.ToArray();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
