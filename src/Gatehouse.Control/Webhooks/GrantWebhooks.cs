using Gatehouse.Policy.Durations;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// Sends <c>grant.requested</c> and <c>grant.resolved</c> for just-in-time access requests, with the duration asked
/// for, the requester's reason and, once approved, when the access ends.
/// </summary>
/// <remarks>
/// Approved access that reaches its end sends nothing: nothing changes in the store then, and <c>endsAt</c> of the
/// approval's notice already says when it ends.
/// </remarks>
internal sealed class GrantWebhooks(WebhookDispatcher dispatcher, IGrantStore store, ReviewLinks links)
    : ReviewWebhooks<AccessGrant>(dispatcher, links, ReviewNoticeKind.Grant)
{
    protected override Task<AccessGrant?> FindAsync(string id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    protected override IReadOnlyList<ReviewDetail> DetailsOf(ReviewEvent change, AccessGrant? grant) =>
    [
        new("duration", grant is null ? null : DurationGrammar.Format(grant.Duration), "Duration"),
        new("reason", grant?.Reason, "Reason"),
    ];

    protected override DateTimeOffset? EndsAtOf(AccessGrant grant) => grant.EndsAt;
}
