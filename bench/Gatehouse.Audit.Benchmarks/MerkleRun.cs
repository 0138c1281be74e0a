using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Proofs;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>Times the Merkle tree over <c>N</c> leaves: streaming root, full tree, proofs and their verification, checkpoint signatures.</summary>
internal static class MerkleRun
{
    private const int Samples = 10_000;

    public static void Run(int leaves)
    {
        var entryHashes = new byte[leaves * MerkleHash.Size];
        RandomNumberGenerator.Fill(entryHashes);

        var clock = Stopwatch.StartNew();
        var builder = new MerkleRootBuilder();
        for (var i = 0; i < leaves; i++)
        {
            builder.AppendEntry(entryHashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }

        var root = builder.ComputeRoot();
        var streamed = clock.Elapsed;

        clock.Restart();
        var leafHashes = new byte[entryHashes.Length];
        for (var i = 0; i < leaves; i++)
        {
            MerkleHash.Leaf(entryHashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size), leafHashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }

        var tree = MerkleTree.FromLeafHashes(leafHashes);
        var built = clock.Elapsed;
        if (!tree.RootAt(leaves).AsSpan().SequenceEqual(root))
        {
            throw new InvalidOperationException("The streamed root and the tree's root differ.");
        }

        var indices = Enumerable.Range(0, Samples).Select(_ => (long)RandomNumberGenerator.GetInt32(leaves)).ToArray();
        clock.Restart();
        var paths = indices.Select(m => tree.InclusionProof(m, leaves)).ToArray();
        var prove = clock.Elapsed / Samples;

        clock.Restart();
        var valid = 0;
        for (var i = 0; i < Samples; i++)
        {
            var leaf = leafHashes.AsSpan(checked((int)indices[i] * MerkleHash.Size), MerkleHash.Size);
            valid += MerkleVerifier.VerifyInclusion(indices[i], leaves, leaf, paths[i], root) ? 1 : 0;
        }

        var verify = clock.Elapsed / Samples;

        var firsts = Enumerable.Range(0, Samples).Select(_ => 1L + RandomNumberGenerator.GetInt32(leaves - 1)).ToArray();
        clock.Restart();
        var consistent = 0;
        foreach (var first in firsts)
        {
            var proof = tree.ConsistencyProof(first, leaves);
            consistent += MerkleVerifier.VerifyConsistency(first, leaves, tree.RootAt(first), root, proof) ? 1 : 0;
        }

        var consistency = clock.Elapsed / Samples;

        var (privatePem, publicPem) = CheckpointKeys.Generate();
        using var signer = CheckpointSigner.FromPem(privatePem);
        using var verifier = CheckpointVerifier.FromPem(publicPem);
        clock.Restart();
        var checkpoints = Enumerable.Range(0, 1000).Select(i => signer.Sign(leaves, root, DateTimeOffset.UnixEpoch.AddSeconds(i))).ToArray();
        var sign = clock.Elapsed / 1000;
        clock.Restart();
        var signed = checkpoints.Count(verifier.Verify);
        var check = clock.Elapsed / 1000;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            merkle, {leaves:N0} leaves:
              streaming root (O(log n) memory): {streamed.TotalMilliseconds:N0} ms ({leaves / streamed.TotalSeconds:N0} leaves/s)
              full tree (leaf hashes + all levels, {2L * leaves * MerkleHash.Size / 1_048_576:N0} MiB): {built.TotalMilliseconds:N0} ms
              inclusion proof: generate {prove.TotalMicroseconds:N1} us, verify {verify.TotalMicroseconds:N1} us per proof ({valid:N0}/{Samples:N0} valid)
              consistency proof to the full size: generate + verify {consistency.TotalMicroseconds:N1} us ({consistent:N0}/{Samples:N0} valid)
              checkpoint: sign {sign.TotalMicroseconds:N0} us, verify {check.TotalMicroseconds:N0} us ({signed}/1000 valid)
            """));
    }
}
