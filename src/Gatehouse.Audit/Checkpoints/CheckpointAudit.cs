using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Proofs;
using Gatehouse.Audit.Store;

namespace Gatehouse.Audit.Checkpoints;

/// <summary>Checks every stored checkpoint against the log: its signature, and its root against the log's tree at its size.</summary>
/// <remarks>
/// <para>
/// Leaves are recomputed from each entry's fields (not taken from the stored hash column), so an entry edited, deleted
/// or re-sealed after a checkpoint changes the root at that checkpoint's size and is named as a root mismatch there.
/// </para>
/// <para>
/// Checkpoints are checked in order and their sizes may not shrink. When every root matches the same log's tree at
/// its size, each is a prefix of the next and consistency between consecutive checkpoints follows; an explicit
/// consistency proof (<see cref="MerkleTree.ConsistencyProof"/>) is for a party holding checkpoints but not the log.
/// </para>
/// </remarks>
public sealed class CheckpointAudit(IAuditCheckpointStore store, CheckpointVerifier verifier)
{
    private readonly IAuditCheckpointStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly CheckpointVerifier _verifier = verifier ?? throw new ArgumentNullException(nameof(verifier));

    /// <summary>Checks every stored checkpoint; names the first that does not hold.</summary>
    public async Task<CheckpointAuditResult> VerifyAsync(CancellationToken cancellationToken)
    {
        var checkpoints = await _store.ReadCheckpointsAsync(cancellationToken).ConfigureAwait(false);
        var root = new MerkleRootBuilder();
        var good = 0;
        long previousSize = 0;
        var gap = false;
        var entries = _store.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (entries.ConfigureAwait(false))
        {
            foreach (var checkpoint in checkpoints)
            {
                if (!_verifier.Verify(checkpoint))
                {
                    return new CheckpointAuditResult(good, root.Size, checkpoint, CheckpointProblem.BadSignature);
                }

                if (checkpoint.TreeSize < previousSize)
                {
                    return new CheckpointAuditResult(good, root.Size, checkpoint, CheckpointProblem.Inconsistent);
                }

                while (root.Size < checkpoint.TreeSize && await entries.MoveNextAsync().ConfigureAwait(false))
                {
                    // A missing or repeated sequence puts every later entry at the wrong leaf, which the root shows.
                    var entry = entries.Current;
                    gap |= entry.Sequence != root.Size + 1;
                    root.AppendEntry(gap ? new byte[AuditChain.HashSize] : AuditChain.ComputeHash(entry));
                }

                if (root.Size < checkpoint.TreeSize)
                {
                    // Rows deleted from the middle leave the log short too, but it is their checkpoint that no longer holds.
                    var problem = gap ? CheckpointProblem.RootMismatch : CheckpointProblem.BeyondLog;
                    return new CheckpointAuditResult(good, root.Size, checkpoint, problem);
                }

                if (!root.ComputeRoot().AsSpan().SequenceEqual(checkpoint.RootHash))
                {
                    return new CheckpointAuditResult(good, root.Size, checkpoint, CheckpointProblem.RootMismatch);
                }

                previousSize = checkpoint.TreeSize;
                good++;
            }
        }

        return new CheckpointAuditResult(good, root.Size, null, CheckpointProblem.None);
    }
}
