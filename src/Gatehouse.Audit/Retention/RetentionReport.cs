namespace Gatehouse.Audit.Retention;

/// <summary>The result of a retention run; also the payload of its <see cref="RetentionEntryKinds.Run"/> entry.</summary>
/// <param name="At">When the run started; every cut-off is measured from it.</param>
/// <param name="DryRun">Whether the run only counted.</param>
/// <param name="Connections">Per connection, what was (or would be) removed and what a hold kept.</param>
/// <param name="Checkpoint">The checkpoint this run signed to cover its tombstones, or null when it signed none.</param>
/// <param name="Holds">The ids of the legal holds active when the run started.</param>
public sealed record RetentionReport(
    DateTimeOffset At,
    bool DryRun,
    IReadOnlyList<ConnectionRetentionReport> Connections,
    CheckpointReference? Checkpoint,
    IReadOnlyList<string> Holds)
{
    /// <summary>Gets the sequence of the run's audit entry, or null for a dry run.</summary>
    public long? Sequence { get; init; }

    /// <summary>Gets the bodies removed over all connections.</summary>
    public long BodiesRemoved => Connections.Sum(c => c.BodiesRemoved);

    /// <summary>Gets the <c>identity.refused</c> entries tombstoned (refused callers, outside any connection).</summary>
    public long RefusalsTombstoned { get; init; }

    /// <summary>Gets the entries tombstoned over all connections and refused callers.</summary>
    public long EntriesTombstoned => Connections.Sum(c => c.EntriesTombstoned) + RefusalsTombstoned;
}
