using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.Control.Admin;

/// <summary>The result of one check of every stored checkpoint against the log, with when and by whom it was asked.</summary>
internal sealed record CheckpointVerification(DateTimeOffset At, string By, CheckpointAuditResult Result)
{
    /// <summary>Gets the result in words, naming the first bad checkpoint if there is one.</summary>
    public string Summary => Result.IsIntact
        ? $"intact: {Result.CheckpointsChecked} checkpoints hold over {Result.EntriesRead} entries"
        : $"NOT INTACT: the checkpoint of {Result.FirstBad!.TreeSize} entries signed at {Result.FirstBad.Time:u}: {Describe(Result.Problem)} ({Result.CheckpointsChecked} checkpoints before it hold)";

    private static string Describe(CheckpointProblem problem) => problem switch
    {
        CheckpointProblem.BadSignature => "its signature does not verify with the gateway's checkpoint key",
        CheckpointProblem.Inconsistent => "it covers fewer entries than the checkpoint before it",
        CheckpointProblem.BeyondLog => "the log holds fewer entries than it covers (the tail was cut)",
        CheckpointProblem.RootMismatch => "the log's Merkle root at its size is not the signed root (an entry was edited, deleted or re-sealed)",
        _ => problem.ToString(),
    };
}
