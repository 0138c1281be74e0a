using System.Text.Json;
using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Gateway.Access;
using Gatehouse.Policy.Durations;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Approvals;

/// <summary>
/// Writes every review item's state change to the audit trail, with the identity of whoever caused it, then tells the
/// observers: one writer for held requests, held responses and access requests, the kind being the only variation.
/// </summary>
/// <remarks>
/// Each kind keeps its stored record shape and event names, so entries already in the trail and the tools that read
/// them stay valid: <c>approval.*</c> as <see cref="ApprovalEventRecord"/>, <c>grant.*</c> as <see cref="AccessEventRecord"/>
/// (which carries the grant's reason, justification, duration and end, so it needs the grant). The change is already
/// stored when it is recorded, so a failed append is logged (event 1501) rather than undone; every exchange is still
/// recorded, fail closed, by the data path.
/// </remarks>
internal sealed class ReviewAudit(IAuditTrail audit, IEnumerable<IApprovalEvents> observers, ILogger<ReviewAudit> logger)
{
    /// <summary>Records that an approved request is released to the upstream; durable before it is forwarded.</summary>
    public async Task RecordReleaseAsync(ApprovalRequest request, string exchangeId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var reviewers = string.Join(",", request.Reviews.Where(r => r.Decision == ReviewDecision.Approve).Select(r => r.DisplayName));
        var record = new ApprovalEventRecord("approval.released", request.Id, exchangeId, request.Connection, request.Requester.Subject, reviewers, ReviewNames.Decision(ReviewDecision.Approve), at)
        {
            RequesterKey = request.Requester.Id,
            ReviewerKey = string.Join(",", request.Reviews.Where(r => r.Decision == ReviewDecision.Approve).Select(r => r.Reviewer)),
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(record, ApprovalJsonContext.Default.ApprovalEventRecord);
        var index = new AuditIndex { Subject = request.Requester.Subject, Connection = request.Connection, Decision = ReviewNames.Decision(ReviewDecision.Approve) };
        await audit.AppendAsync(new AuditEntryDraft(record.Event, exchangeId, at, index, payload, null, null), cancellationToken);
    }

    /// <summary>Appends one entry per approval event, in order, waiting until each is durable, and tells the observers.</summary>
    public Task RecordAsync(IEnumerable<ReviewEvent> events, CancellationToken cancellationToken) => RecordAsync(null, events, cancellationToken);

    /// <summary>Appends one entry per event of <paramref name="item"/>, in order, waiting until each is durable, and tells the observers.</summary>
    /// <param name="item">The item as stored after the change; required for access requests, whose records carry its reason and duration.</param>
    /// <param name="events">The events the store returned.</param>
    /// <param name="cancellationToken">Cancels the wait for durability.</param>
    public async Task RecordAsync(IReviewable? item, IEnumerable<ReviewEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            var draft = e.Target == ReviewTarget.Grant
                ? GrantEntry(item as AccessGrant ?? throw new ArgumentException("A grant's events are recorded with the grant.", nameof(item)), e)
                : ApprovalEntry(e);
            var result = await audit.AppendAsync(draft, cancellationToken);
            if (result.Error is { } error)
            {
                Log.AuditFailed(logger, e.Name, e.Id, error);
            }

            foreach (var observer in observers)
            {
                observer.Recorded(e);
            }
        }
    }

    private static AuditEntryDraft ApprovalEntry(ReviewEvent e)
    {
        var decision = e.Decision is { } decided ? ReviewNames.Decision(decided) : null;
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new ApprovalEventRecord(e.Name, e.Id, e.ExchangeId, e.Connection, e.Requester, e.Reviewer, decision, e.At)
            {
                RequesterKey = e.RequesterKey,
                ReviewerKey = e.ReviewerKey,
            },
            ApprovalJsonContext.Default.ApprovalEventRecord);
        var index = new AuditIndex { Subject = e.Reviewer ?? e.Requester, Connection = e.Connection, Decision = decision };
        return new AuditEntryDraft(e.Name, e.ExchangeId ?? e.Id, e.At, index, payload, null, null);
    }

    private static AuditEntryDraft GrantEntry(AccessGrant grant, ReviewEvent e)
    {
        var decision = e.Decision is { } d ? ReviewNames.Decision(d) : null;
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
        return new AuditEntryDraft(e.Name, e.Id, e.At, index, payload, null, null);
    }
}
