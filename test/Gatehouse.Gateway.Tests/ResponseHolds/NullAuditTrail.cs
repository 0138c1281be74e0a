using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;

namespace Gatehouse.Gateway.Tests.ResponseHolds;

/// <summary>An audit trail that accepts every entry and keeps their kinds.</summary>
internal sealed class NullAuditTrail : IAuditTrail
{
    public List<string> Kinds { get; } = [];

    public ValueTask<AuditWriteResult> RecordIntentAsync(ExchangeIntent intent, CancellationToken cancellationToken) => Committed("intent");

    public ValueTask<AuditWriteResult> RecordOutcomeAsync(ExchangeOutcome outcome, CancellationToken cancellationToken) => Committed("outcome");

    public ValueTask<AuditWriteResult> AppendAsync(AuditEntryDraft draft, CancellationToken cancellationToken) => Committed(draft.Kind);

    private ValueTask<AuditWriteResult> Committed(string kind)
    {
        Kinds.Add(kind);
        return ValueTask.FromResult(AuditWriteResult.Committed(Kinds.Count));
    }
}
