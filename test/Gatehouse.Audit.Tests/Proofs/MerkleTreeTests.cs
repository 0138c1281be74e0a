using Gatehouse.Audit.Proofs;
using Gatehouse.Testing;

namespace Gatehouse.Audit.Tests.Proofs;

public sealed class MerkleTreeTests
{
    [Fact]
    public void RootAt_EveryPrefix_MatchesRecursiveDefinition()
    {
        MerkleCase.Gen.ForAll(c =>
        {
            for (var n = 0; n <= c.Size; n++)
            {
                Assert.Equal(NaiveMerkle.Mth(c.EntryHashes.Take(n).ToList()), c.Tree.RootAt(n));
            }
        }, iter: 60);
    }

    [Fact]
    public void RootBuilder_StreamedLeaves_MatchesRecursiveDefinitionAtEverySize()
    {
        MerkleCase.Gen.ForAll(c =>
        {
            var builder = new MerkleRootBuilder();
            Assert.Equal(NaiveMerkle.Mth([]), builder.ComputeRoot());
            for (var i = 0; i < c.Size; i++)
            {
                builder.AppendEntry(c.EntryHashes[i]);
                Assert.Equal(i + 1, builder.Size);
                Assert.Equal(NaiveMerkle.Mth(c.EntryHashes.Take(i + 1).ToList()), builder.ComputeRoot());
            }
        }, iter: 60);
    }

    [Fact]
    public void InclusionProof_AnyLeafAndSize_MatchesRecursivePathAndVerifies()
    {
        MerkleCase.Gen.ForAll(c =>
        {
            for (var n = 1; n <= c.Size; n++)
            {
                var prefix = c.EntryHashes.Take(n).ToList();
                var root = c.Tree.RootAt(n);
                for (var m = 0; m < n; m++)
                {
                    var path = c.Tree.InclusionProof(m, n);
                    Assert.Equal(NaiveMerkle.Path(m, prefix), path);
                    Assert.True(MerkleVerifier.VerifyInclusion(m, n, c.LeafHash(m), path, root));
                }
            }
        }, iter: 25);
    }

    [Fact]
    public void ConsistencyProof_AnySizes_MatchesRecursiveProofAndVerifies()
    {
        MerkleCase.Gen.ForAll(c =>
        {
            for (var first = 1; first <= c.Size; first++)
            {
                for (var second = first; second <= c.Size; second++)
                {
                    var proof = c.Tree.ConsistencyProof(first, second);
                    Assert.Equal(NaiveMerkle.Proof(first, c.EntryHashes.Take(second).ToList()), proof);
                    Assert.True(MerkleVerifier.VerifyConsistency(first, second, c.Tree.RootAt(first), c.Tree.RootAt(second), proof));
                }
            }
        }, iter: 25);
    }

    [Fact]
    public void ConsistencyProof_FromEmptyTree_IsEmptyAndVerifies()
    {
        var c = MerkleCase.Create(5, 1);

        Assert.Empty(c.Tree.ConsistencyProof(0, 5));
        Assert.True(MerkleVerifier.VerifyConsistency(0, 5, c.Tree.RootAt(0), c.Tree.RootAt(5), []));
    }

    [Fact]
    public void Verify_NodeOfWrongLength_Refused()
    {
        var c = MerkleCase.Create(6, 4);
        var path = c.Tree.InclusionProof(2, 6);
        var proof = c.Tree.ConsistencyProof(3, 6);

        Assert.False(MerkleVerifier.VerifyInclusion(2, 6, c.LeafHash(2), [path[0][..31], .. path.Skip(1)], c.Tree.RootAt(6)));
        Assert.False(MerkleVerifier.VerifyInclusion(2, 6, c.LeafHash(2), [[.. path[0], 0], .. path.Skip(1)], c.Tree.RootAt(6)));
        Assert.False(MerkleVerifier.VerifyConsistency(3, 6, c.Tree.RootAt(3), c.Tree.RootAt(6), [proof[0][..31], .. proof.Skip(1)]));
        Assert.False(MerkleVerifier.VerifyInclusion(2, 6, c.LeafHash(2)[..31], path, c.Tree.RootAt(6)));
    }

    [Fact]
    public void FromLeafHashes_LengthNotMultipleOf32_Throws()
    {
        Assert.Throws<ArgumentException>(() => MerkleTree.FromLeafHashes(new byte[33]));
    }

    [Fact]
    public void InclusionProof_IndexOutsideTree_Throws()
    {
        var c = MerkleCase.Create(4, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => c.Tree.InclusionProof(4, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => c.Tree.InclusionProof(0, 5));
    }
}
