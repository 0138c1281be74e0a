using System.Collections.Concurrent;
using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;

namespace Gatehouse.Gateway.Tests.Webhooks;

/// <summary>An audit trail that keeps every appended entry in memory.</summary>
internal sealed class RecordingAuditTrail : IAuditTrail
{
    private long _sequence;

    public ConcurrentQueue<AuditEntryDraft> Entries { get; } = new();

    public ValueTask<AuditWriteResult> AppendAsync(AuditEntryDraft draft, CancellationToken cancellationToken)
    {
        Entries.Enqueue(draft);
        return ValueTask.FromResult(AuditWriteResult.Committed(Interlocked.Increment(ref _sequence)));
    }

    public ValueTask<AuditWriteResult> RecordIntentAsync(ExchangeIntent intent, CancellationToken cancellationToken)
        => throw new NotSupportedException("webhooks append entries only");

    public ValueTask<AuditWriteResult> RecordOutcomeAsync(ExchangeOutcome outcome, CancellationToken cancellationToken)
        => throw new NotSupportedException("webhooks append entries only");
}
