using System.Security.Cryptography;
using CsCheck;
using Gatehouse.Audit.Proofs;

namespace Gatehouse.Audit.Tests.Proofs;

/// <summary>A random log of entry hashes with a tree over it, and a generator of them for property tests.</summary>
internal sealed record MerkleCase(List<byte[]> EntryHashes, MerkleTree Tree)
{
    /// <summary>Logs of 1 to 80 entries, with distinct random entry hashes.</summary>
    public static readonly Gen<MerkleCase> Gen = CsCheck.Gen.Int[1, 80].Select(CsCheck.Gen.Int, Create);

    public int Size => EntryHashes.Count;

    public static MerkleCase Create(int size, int seed)
    {
        var hashes = Enumerable.Range(0, size)
            .Select(i => SHA256.HashData(BitConverter.GetBytes(((long)seed << 32) | (uint)i)))
            .ToList();
        return new MerkleCase(hashes, MerkleTree.FromEntryHashes(hashes));
    }

    public byte[] LeafHash(int index) => MerkleHash.Leaf(EntryHashes[index]);
}
