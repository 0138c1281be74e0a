using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Proofs;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;

namespace Gatehouse.Audit.Checkpoints;

/// <summary>Checks every stored checkpoint against the log: its signature, and its root against the log's tree at its size.</summary>
/// <remarks>
/// <para>
/// Leaves are recomputed from each entry's fields (not taken from the stored hash column), so an entry edited, deleted
/// or re-sealed after a checkpoint changes the root at that checkpoint's size and is named as a root mismatch there.
/// A tombstone has no fields left, so its stored hash is the leaf: altering it changes the root the same way.
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
        var state = new CheckpointCursor(checkpoints, _verifier);
        if (state.CheckReached() is { } early)
        {
            return early;
        }

        await foreach (var chunk in EntryReadAhead.ReadAsync(_store, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entry in chunk)
            {
                // A missing or repeated sequence puts every later entry at the wrong leaf, which the root shows.
                state.Gap |= entry.Sequence != state.Root.Size + 1;
                state.Root.AppendEntry(state.Gap ? new byte[AuditChain.HashSize] : Tombstones.LeafHash(entry));
                if (state.CheckReached() is { } result)
                {
                    return result;
                }
            }
        }

        return state.CheckRest();
    }
}
