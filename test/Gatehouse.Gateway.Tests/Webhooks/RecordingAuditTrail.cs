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

    /// <summary>Gets or sets whether appends throw, as a broken writer would.</summary>
    public bool Broken { get; set; }

    public ValueTask<AuditWriteResult> AppendAsync(AuditEntryDraft draft, CancellationToken cancellationToken)
    {
        if (Broken)
        {
            throw new InvalidOperationException("the audit writer is broken");
        }

        Entries.Enqueue(draft);
        return ValueTask.FromResult(AuditWriteResult.Committed(Interlocked.Increment(ref _sequence)));
    }

    public ValueTask<AuditWriteResult> RecordIntentAsync(ExchangeIntent intent, CancellationToken cancellationToken)
        => throw new NotSupportedException("webhooks append entries only");

    public ValueTask<AuditWriteResult> RecordOutcomeAsync(ExchangeOutcome outcome, CancellationToken cancellationToken)
        => throw new NotSupportedException("webhooks append entries only");
}
