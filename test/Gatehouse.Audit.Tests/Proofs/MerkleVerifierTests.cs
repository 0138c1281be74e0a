using System.Security.Cryptography;
using CsCheck;
using Gatehouse.Audit.Proofs;
using Gatehouse.Testing;

namespace Gatehouse.Audit.Tests.Proofs;

public sealed class MerkleVerifierTests
{
    private static readonly byte[] Extra = SHA256.HashData("extra"u8);

    private static readonly Gen<(MerkleCase Case, int Index, int Size)> InclusionCases =
        MerkleCase.Gen.SelectMany(c => Gen.Int[1, c.Size].SelectMany(n => Gen.Int[0, n - 1].Select(m => (c, m, n))));

    private static readonly Gen<(MerkleCase Case, int First, int Second)> ConsistencyCases =
        MerkleCase.Gen.SelectMany(c => Gen.Int[1, c.Size].SelectMany(n => Gen.Int[1, n].Select(m => (c, m, n))));

    [Fact]
    public void VerifyInclusion_AnyMutatedProofNodeOrRootOrLeaf_Refused()
    {
        InclusionCases.ForAll(t =>
        {
            var (c, m, n) = t;
            var path = c.Tree.InclusionProof(m, n);
            var root = c.Tree.RootAt(n);
            var leaf = c.LeafHash(m);
            var mutants = ProofMutations.FlippedBits(path).Concat(ProofMutations.ResizedProofs(path, Extra))
                .Concat(ProofMutations.Swapped(path).Where(p => !p.SequenceEqual(path)));
            foreach (var mutant in mutants)
            {
                Assert.False(MerkleVerifier.VerifyInclusion(m, n, leaf, mutant, root));
            }

            for (var bit = 0; bit < 256; bit++)
            {
                Assert.False(MerkleVerifier.VerifyInclusion(m, n, leaf, path, ProofMutations.Flip(root, bit)));
                Assert.False(MerkleVerifier.VerifyInclusion(m, n, ProofMutations.Flip(leaf, bit), path, root));
            }
        }, iter: 40);
    }

    [Fact]
    public void VerifyInclusion_WrongIndex_Refused()
    {
        InclusionCases.ForAll(t =>
        {
            var (c, m, n) = t;
            var path = c.Tree.InclusionProof(m, n);
            var root = c.Tree.RootAt(n);
            for (var other = -1; other <= n; other++)
            {
                if (other != m)
                {
                    Assert.False(MerkleVerifier.VerifyInclusion(other, n, c.LeafHash(m), path, root));
                }
            }
        }, iter: 60);
    }

    [Fact]
    public void VerifyInclusion_OtherTreeSizeWithItsRoot_Refused()
    {
        // The root is bound to its size by the signed checkpoint, so a wrong size arrives with that size's root.
        InclusionCases.ForAll(t =>
        {
            var (c, m, n) = t;
            var path = c.Tree.InclusionProof(m, n);
            for (var other = m + 1; other <= c.Size; other++)
            {
                if (other != n)
                {
                    Assert.False(MerkleVerifier.VerifyInclusion(m, other, c.LeafHash(m), path, c.Tree.RootAt(other)));
                }
            }

            Assert.False(MerkleVerifier.VerifyInclusion(m, 0, c.LeafHash(m), path, MerkleHash.EmptyRoot));
        }, iter: 60);
    }

    [Fact]
    public void VerifyConsistency_AnyMutatedProofNodeOrRoot_Refused()
    {
        ConsistencyCases.ForAll(t =>
        {
            var (c, first, second) = t;
            var proof = c.Tree.ConsistencyProof(first, second);
            var (firstRoot, secondRoot) = (c.Tree.RootAt(first), c.Tree.RootAt(second));
            var mutants = ProofMutations.FlippedBits(proof).Concat(ProofMutations.ResizedProofs(proof, Extra))
                .Concat(ProofMutations.Swapped(proof).Where(p => !p.SequenceEqual(proof)));
            foreach (var mutant in mutants)
            {
                Assert.False(MerkleVerifier.VerifyConsistency(first, second, firstRoot, secondRoot, mutant));
            }

            for (var bit = 0; bit < 256; bit++)
            {
                Assert.False(MerkleVerifier.VerifyConsistency(first, second, ProofMutations.Flip(firstRoot, bit), secondRoot, proof));
                Assert.False(MerkleVerifier.VerifyConsistency(first, second, firstRoot, ProofMutations.Flip(secondRoot, bit), proof));
            }
        }, iter: 40);
    }

    [Fact]
    public void VerifyConsistency_OtherSizesWithTheirRoots_Refused()
    {
        ConsistencyCases.ForAll(t =>
        {
            var (c, first, second) = t;
            var proof = c.Tree.ConsistencyProof(first, second);
            for (var a = 0; a <= c.Size; a++)
            {
                for (var b = a; b <= c.Size; b++)
                {
                    if ((a, b) != (first, second))
                    {
                        Assert.False(MerkleVerifier.VerifyConsistency(a, b, c.Tree.RootAt(a), c.Tree.RootAt(b), proof)
                            && !c.Tree.ConsistencyProof(a, b).SequenceEqual(proof, ByteArrays.Comparer));
                    }
                }
            }
        }, iter: 30);
    }

    [Fact]
    public void VerifyConsistency_SecondSmallerThanFirst_Refused()
    {
        var c = MerkleCase.Create(8, 3);

        Assert.False(MerkleVerifier.VerifyConsistency(5, 4, c.Tree.RootAt(5), c.Tree.RootAt(4), c.Tree.ConsistencyProof(4, 5)));
    }
}
