namespace Gatehouse.Audit.Checkpoints;

/// <summary>The result of checking every stored checkpoint against the log.</summary>
/// <param name="CheckpointsChecked">Checkpoints found good before stopping.</param>
/// <param name="EntriesRead">Entries whose hash was recomputed into the tree.</param>
/// <param name="FirstBad">The first bad checkpoint, or null when all hold.</param>
/// <param name="Problem">What is wrong with <paramref name="FirstBad"/>.</param>
public sealed record CheckpointAuditResult(int CheckpointsChecked, long EntriesRead, Checkpoint? FirstBad, CheckpointProblem Problem)
{
    /// <summary>Gets a value indicating whether every checkpoint holds.</summary>
    public bool IsIntact => Problem == CheckpointProblem.None;
}
