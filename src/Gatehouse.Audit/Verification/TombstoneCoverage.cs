using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Retention;

namespace Gatehouse.Audit.Verification;

/// <summary>Decides, while the chain is walked, which tombstones a holding signed checkpoint vouches for.</summary>
/// <remarks>
/// Every entry that passed the chain checks goes into the Merkle tree with its stored hash (equal to its recomputed hash
/// for a live entry). A tombstone is proven once a checkpoint at or beyond its sequence holds, and every one before it.
/// Tombstones awaiting their checkpoint are queued; a checkpoint every N entries bounds the queue.
/// </remarks>
internal sealed class TombstoneCoverage
{
    private readonly CheckpointCursor _cursor;
    private readonly Queue<long> _pending = new();
    private CheckpointAuditResult? _done;

    public TombstoneCoverage(IReadOnlyList<Checkpoint> checkpoints, CheckpointVerifier verifier)
    {
        _cursor = new CheckpointCursor(checkpoints, verifier);
        _done = _cursor.CheckReached();
    }

    public void Add(AuditEntry entry)
    {
        if (Tombstones.Is(entry))
        {
            _pending.Enqueue(entry.Sequence);
        }

        if (_done is not null)
        {
            return;
        }

        _cursor.Root.AppendEntry(entry.Hash);
        _done = _cursor.CheckReached();
        while (_pending.TryPeek(out var sequence) && sequence <= _cursor.ProvenSize)
        {
            _pending.Dequeue();
        }
    }

    /// <summary>
    /// Returns the first tombstone no holding checkpoint vouches for, or null. Before the walk is complete only a
    /// definite answer counts: a tombstone whose covering checkpoint was checked and does not hold.
    /// </summary>
    public (long Sequence, AuditProblem Problem)? FirstProblem(bool complete)
    {
        if (!_pending.TryPeek(out var first))
        {
            return null;
        }

        if (_done?.FirstBad is { } bad && bad.TreeSize >= first)
        {
            return (first, AuditProblem.TombstoneUnproven);
        }

        return complete ? (first, AuditProblem.TombstoneUncovered) : null;
    }
}
