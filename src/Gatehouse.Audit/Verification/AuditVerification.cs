using Gatehouse.Audit.Chain;

namespace Gatehouse.Audit.Verification;

/// <summary>The result of verifying the audit log: intact, or the first bad sequence and what is wrong there.</summary>
/// <param name="EntriesChecked">Entries whose hash and link were checked before stopping.</param>
/// <param name="BodiesChecked">Bodies present and matching their hash.</param>
/// <param name="BodiesRemoved">Entries whose body was removed (retention) while its hash remains.</param>
/// <param name="Head">The stored head, or null for an empty log.</param>
/// <param name="FirstBadSequence">The first sequence found bad, or null when intact.</param>
/// <param name="Problem">What is wrong at <paramref name="FirstBadSequence"/>.</param>
public sealed record AuditVerification(
    long EntriesChecked,
    long BodiesChecked,
    long BodiesRemoved,
    AuditHead? Head,
    long? FirstBadSequence,
    AuditProblem Problem)
{
    /// <summary>Gets how many tombstones (records removed by retention) a signed checkpoint vouched for.</summary>
    public long Tombstones { get; init; }

    /// <summary>Gets a value indicating whether the whole log verified.</summary>
    public bool IsIntact => Problem == AuditProblem.None;
}
