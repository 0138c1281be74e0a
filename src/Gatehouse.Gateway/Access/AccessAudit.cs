using System.Text.Json;
using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Policy.Durations;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Access;

/// <summary>Writes every grant state change to the audit trail, with the identity of whoever caused it.</summary>
internal sealed class AccessAudit(IAuditTrail audit, ILogger<AccessAudit> logger)
{
    /// <summary>Appends one entry per event, in order, and waits until each is durable.</summary>
    /// <remarks>
    /// The change is already stored, so a failed append is logged (event 1501) rather than undone; every exchange a
    /// grant admits is still recorded, fail closed, by the data path.
    /// </remarks>
    public async Task RecordAsync(AccessGrant grant, IEnumerable<ReviewEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            var decision = e.Decision is { } d ? (d == ReviewDecision.Approve ? "approve" : "reject") : null;
            var actorKey = e.Kind switch
            {
                ReviewEventKind.Requested => e.RequesterKey,
                ReviewEventKind.Approved or ReviewEventKind.Rejected => grant.Reviews.LastOrDefault()?.Reviewer,
                _ => e.ReviewerKey,
            };
            var actor = e.Kind switch
            {
                ReviewEventKind.Requested => e.Requester,

                // The review that resolved the request is the last one, recorded in the same change.
                ReviewEventKind.Approved or ReviewEventKind.Rejected => grant.Reviews.LastOrDefault()?.DisplayName,
                _ => e.Reviewer,
            };
            var text = e.Kind switch
            {
                ReviewEventKind.Requested => grant.Reason,
                ReviewEventKind.Reviewed => grant.Reviews.LastOrDefault(r => r.Reviewer == e.ReviewerKey)?.Justification,
                _ => null,
            };
            var record = new AccessEventRecord(
                e.Name, e.Id, e.Connection, e.Requester, actor, decision, text, DurationGrammar.Format(grant.Duration),
                e.Kind == ReviewEventKind.Approved ? e.At + grant.Duration : null, e.At)
            {
                RequesterKey = e.RequesterKey,
                ActorKey = actorKey,
            };
            var payload = JsonSerializer.SerializeToUtf8Bytes(record, AccessJsonContext.Default.AccessEventRecord);
            var index = new AuditIndex { Subject = actor ?? e.Requester, Connection = e.Connection, Decision = decision };
            var result = await audit.AppendAsync(new AuditEntryDraft(e.Name, e.Id, e.At, index, payload, null, null), cancellationToken);
            if (result.Error is { } error)
            {
                Log.AuditFailed(logger, e.Name, e.Id, error);
            }
        }
    }
}
