using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;

namespace Gatehouse.Audit.Proofs;

/// <summary>Builds the inclusion proof of one exchange's entries in the tree a signed checkpoint covers.</summary>
/// <remarks>
/// Leaves are recomputed from the entries' fields, and the tree's root must equal the signed root before any proof is
/// issued: a log edited after the checkpoint gets no proof (and any proof made from it would fail verification).
/// The tree is held in memory (64 bytes per entry) so each of the exchange's entries costs O(log² n) hashes.
/// </remarks>
public sealed class ExchangeProver(IAuditStore store)
{
    private readonly IAuditStore _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>Proves the entries of <paramref name="exchangeId"/> against <paramref name="checkpoint"/>.</summary>
    public async Task<(ExchangeProof? Proof, ProofProblem Problem)> ProveAsync(
        string exchangeId, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchangeId);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.TreeSize <= 0)
        {
            return (null, ProofProblem.NotFound);
        }

        var leaves = new byte[checked((int)checkpoint.TreeSize * MerkleHash.Size)];
        var mine = new List<AuditEntry>();
        long count = 0;
        var gap = false;
        await foreach (var chunk in EntryReadAhead.ReadAsync(_store, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entry in chunk)
            {
                if (count == checkpoint.TreeSize)
                {
                    break;
                }

                // A missing or repeated sequence shifts every later leaf, and the root comparison below refuses it.
                gap |= entry.Sequence != count + 1;
                var hash = gap ? new byte[AuditChain.HashSize] : Tombstones.LeafHash(entry);
                MerkleHash.Leaf(hash, leaves.AsSpan(checked((int)count * MerkleHash.Size), MerkleHash.Size));
                if (entry.ExchangeId == exchangeId && !Tombstones.Is(entry))
                {
                    mine.Add(entry);
                }

                count++;
            }

            if (count == checkpoint.TreeSize)
            {
                break;
            }
        }

        if (count < checkpoint.TreeSize)
        {
            return (null, gap ? ProofProblem.RootMismatch : ProofProblem.BeyondLog);
        }

        var tree = MerkleTree.FromLeafHashes(leaves);
        if (!tree.RootAt(tree.Size).AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            return (null, ProofProblem.RootMismatch);
        }

        if (mine.Count == 0)
        {
            return (null, ProofProblem.NotFound);
        }

        var entries = mine.Select(e => new ProvenEntry(
            e.Sequence, e.Sequence - 1, AuditChain.ComputeHash(e), AuditChain.Encode(e), tree.InclusionProof(e.Sequence - 1, tree.Size)));
        return (new ExchangeProof(exchangeId, checkpoint, [.. entries]), ProofProblem.None);
    }
}
