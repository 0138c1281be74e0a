using System.Security.Cryptography;
using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.Audit.Proofs;

/// <summary>Checks an exchange proof offline, with nothing but the checkpoint public key.</summary>
/// <remarks>
/// The checkpoint signature binds the tree size to the root; each entry's canonical bytes must hash to its entry hash
/// and name its sequence and the exchange; each leaf index must be its sequence - 1; and each audit path must lead
/// from SHA-256(0x00 ‖ entry hash) to the signed root (RFC 9162 §2.1.3.2).
/// </remarks>
public static class ExchangeProofVerifier
{
    /// <summary>Returns <see cref="ProofProblem.None"/> when the proof holds, otherwise the first thing wrong.</summary>
    public static ProofProblem Verify(ExchangeProof proof, CheckpointVerifier key)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Verify(proof.Checkpoint))
        {
            return ProofProblem.BadSignature;
        }

        if (proof.Entries.Count == 0)
        {
            return ProofProblem.NotFound;
        }

        long previous = 0;
        foreach (var entry in proof.Entries)
        {
            if (entry.Sequence <= previous || entry.LeafIndex != entry.Sequence - 1
                || !SHA256.HashData(entry.Canonical).AsSpan().SequenceEqual(entry.EntryHash)
                || !CanonicalPrefix.Names(entry.Canonical, entry.Sequence, proof.ExchangeId))
            {
                return ProofProblem.EntryMismatch;
            }

            var leaf = MerkleHash.Leaf(entry.EntryHash);
            if (!MerkleVerifier.VerifyInclusion(entry.LeafIndex, proof.Checkpoint.TreeSize, leaf, entry.AuditPath, proof.Checkpoint.RootHash))
            {
                return ProofProblem.NotIncluded;
            }

            previous = entry.Sequence;
        }

        return ProofProblem.None;
    }
}
