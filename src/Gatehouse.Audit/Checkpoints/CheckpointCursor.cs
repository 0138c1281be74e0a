using Gatehouse.Audit.Proofs;

namespace Gatehouse.Audit.Checkpoints;

/// <summary>Walks the stored checkpoints in order, checking each as soon as the tree reaches its size.</summary>
/// <remarks>Reading the log can stop at the last checkpoint's size.</remarks>
internal sealed class CheckpointCursor(IReadOnlyList<Checkpoint> checkpoints, CheckpointVerifier verifier)
{
    private int _next;
    private long _previousSize;

    public MerkleRootBuilder Root { get; } = new();

    public bool Gap { get; set; }

    /// <summary>Gets the tree size of the last checkpoint found to hold, or 0.</summary>
    public long ProvenSize => _previousSize;

    /// <summary>Checks every checkpoint the tree has reached; null when the next one needs more entries.</summary>
    /// <returns>The first bad checkpoint, an intact result once all are checked, or null to read on.</returns>
    public CheckpointAuditResult? CheckReached()
    {
        while (_next < checkpoints.Count)
        {
            var checkpoint = checkpoints[_next];

            // Called after every entry: the size test comes first so each signature is checked once, when reached.
            if (checkpoint.TreeSize > Root.Size)
            {
                return null;
            }

            var problem = Precheck(checkpoint);
            if (problem == CheckpointProblem.None && !Root.ComputeRoot().AsSpan().SequenceEqual(checkpoint.RootHash))
            {
                problem = CheckpointProblem.RootMismatch;
            }

            if (problem != CheckpointProblem.None)
            {
                return new CheckpointAuditResult(_next, Root.Size, checkpoint, problem);
            }

            _previousSize = checkpoint.TreeSize;
            _next++;
        }

        return new CheckpointAuditResult(_next, Root.Size, null, CheckpointProblem.None);
    }

    /// <summary>Names the first checkpoint the log ran out before.</summary>
    public CheckpointAuditResult CheckRest()
    {
        var checkpoint = checkpoints[_next];
        var problem = Precheck(checkpoint);
        if (problem == CheckpointProblem.None)
        {
            // Rows deleted from the middle leave the log short too, but it is their checkpoint that no longer holds.
            problem = Gap ? CheckpointProblem.RootMismatch : CheckpointProblem.BeyondLog;
        }

        return new CheckpointAuditResult(_next, Root.Size, checkpoint, problem);
    }

    private CheckpointProblem Precheck(Checkpoint checkpoint) =>
        !verifier.Verify(checkpoint) ? CheckpointProblem.BadSignature
        : checkpoint.TreeSize < _previousSize ? CheckpointProblem.Inconsistent
        : CheckpointProblem.None;
}
