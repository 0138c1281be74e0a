using System.Text.Json;
using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Approvals;

/// <summary>Writes every approval state change to the audit trail, with the reviewer's identity, then tells the observers.</summary>
internal sealed class ApprovalAudit(IAuditTrail audit, IEnumerable<IApprovalEvents> observers)
{
    /// <summary>Records that an approved request is released to the upstream; durable before it is forwarded.</summary>
    public async Task RecordReleaseAsync(ApprovalRequest request, string exchangeId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var reviewers = string.Join(",", request.Reviews.Where(r => r.Decision == ReviewDecision.Approve).Select(r => r.DisplayName));
        var record = new ApprovalEventRecord("approval.released", request.Id, exchangeId, request.Connection, request.Requester.Subject, reviewers, "approve", at)
        {
            RequesterKey = request.Requester.Id,
            ReviewerKey = string.Join(",", request.Reviews.Where(r => r.Decision == ReviewDecision.Approve).Select(r => r.Reviewer)),
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(record, ApprovalJsonContext.Default.ApprovalEventRecord);
        var index = new AuditIndex { Subject = request.Requester.Subject, Connection = request.Connection, Decision = "approve" };
        await audit.AppendAsync(new AuditEntryDraft(record.Event, exchangeId, at, index, payload, null, null), cancellationToken);
    }

    public async Task RecordAsync(IEnumerable<ReviewEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(
                new ApprovalEventRecord(e.Name, e.Id, e.ExchangeId, e.Connection, e.Requester, e.Reviewer, e.Decision?.ToString().ToLowerInvariant(), e.At)
                {
                    RequesterKey = e.RequesterKey,
                    ReviewerKey = e.ReviewerKey,
                },
                ApprovalJsonContext.Default.ApprovalEventRecord);
            var index = new AuditIndex { Subject = e.Reviewer ?? e.Requester, Connection = e.Connection, Decision = e.Decision?.ToString().ToLowerInvariant() };
            await audit.AppendAsync(new AuditEntryDraft(e.Name, e.ExchangeId ?? e.Id, e.At, index, payload, null, null), cancellationToken);
            foreach (var observer in observers)
            {
                observer.Recorded(e);
            }
        }
    }
}
