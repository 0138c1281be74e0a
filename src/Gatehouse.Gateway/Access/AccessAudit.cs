using System.Text.Json;
using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Access;

/// <summary>Writes every grant state change to the audit trail, with the identity of whoever caused it.</summary>
internal sealed class AccessAudit(IAuditTrail audit, ILogger<AccessAudit> logger)
{
    /// <summary>Appends one entry per event, in order; returns false when any could not be written.</summary>
    public async Task<bool> RecordAsync(AccessGrant grant, IEnumerable<ReviewEvent> events, CancellationToken cancellationToken)
    {
        var written = true;
        foreach (var e in events)
        {
            var decision = e.Decision is { } d ? (d == ReviewDecision.Approve ? "approve" : "reject") : null;
            var actor = e.Kind switch
            {
                ReviewEventKind.Requested => e.Requester,

                // The review that resolved the request is the last one, recorded in the same change.
                ReviewEventKind.Approved or ReviewEventKind.Rejected => grant.Reviews.LastOrDefault()?.Reviewer,
                _ => e.Reviewer,
            };
            var text = e.Kind switch
            {
                ReviewEventKind.Requested => grant.Reason,
                ReviewEventKind.Reviewed => grant.Reviews.LastOrDefault(r => r.Reviewer == e.Reviewer)?.Justification,
                _ => null,
            };
            var record = new AccessEventRecord(
                e.Name, e.Id, e.Connection, e.Requester, actor, decision, text, DurationText.Format(grant.Duration),
                e.Kind == ReviewEventKind.Approved ? e.At + grant.Duration : null, e.At);
            var payload = JsonSerializer.SerializeToUtf8Bytes(record, AccessJsonContext.Default.AccessEventRecord);
            var index = new AuditIndex { Subject = actor ?? e.Requester, Connection = e.Connection, Decision = decision };
            var result = await audit.AppendAsync(new AuditEntryDraft(e.Name, e.Id, e.At, index, payload, null, null), cancellationToken);
            if (result.Error is { } error)
            {
                Log.AuditFailed(logger, e.Name, e.Id, error);
                written = false;
            }
        }

        return written;
    }
}
