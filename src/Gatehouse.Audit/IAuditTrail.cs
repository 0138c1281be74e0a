using Gatehouse.Audit.Records;

namespace Gatehouse.Audit;

/// <summary>
/// The data path's view of the audit: append an exchange's intent or outcome and learn when it is durable.
/// </summary>
/// <remarks>
/// Implementations batch appends from many requests into one transaction (group commit). A call returns only once
/// its entry is committed, or with a failure the caller turns into a 503 (fail closed).
/// </remarks>
public interface IAuditTrail
{
    /// <summary>Appends the intent; completes when it is durable.</summary>
    ValueTask<AuditWriteResult> RecordIntentAsync(ExchangeIntent intent, CancellationToken cancellationToken);

    /// <summary>Appends the outcome; completes when it is durable.</summary>
    ValueTask<AuditWriteResult> RecordOutcomeAsync(ExchangeOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Appends any other entry (an approval's request, review or resolution); completes when it is durable.</summary>
    ValueTask<AuditWriteResult> AppendAsync(Chain.AuditEntryDraft draft, CancellationToken cancellationToken);
}
