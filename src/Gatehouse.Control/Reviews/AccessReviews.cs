using Gatehouse.Gateway.Access;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// Records a reviewer's decision on an access request, or a revocation: the store applies the review rules (a reviewer
/// of the connection, never the requester, once each), the requester's cached grants are dropped so the change applies
/// at once, and every event is audited. The access API and the console's inbox both change grants through this.
/// </summary>
internal sealed class AccessReviews(IGrantStore store, ReviewAudit audit, ActiveGrants active)
{
    public async Task<ReviewResult<AccessGrant>> ReviewAsync(string id, Principal reviewer, ReviewDecision decision, string? justification, CancellationToken cancellationToken)
        => await RecordAsync(await store.ReviewAsync(id, reviewer, decision, justification, cancellationToken));

    /// <summary>Withdraws a pending access request on its requester's word; no grant results.</summary>
    public async Task<ReviewResult<AccessGrant>> CancelAsync(string id, Principal requester, CancellationToken cancellationToken)
        => await RecordAsync(await store.CancelAsync(id, requester, cancellationToken));

    public async Task<ReviewResult<AccessGrant>> RevokeAsync(string id, Principal caller, CancellationToken cancellationToken)
        => await RecordAsync(await store.RevokeAsync(id, caller, cancellationToken));

    /// <summary>The HTTP status and the message a person reads when a change to access request <paramref name="id"/> is refused.</summary>
    public static (int Status, string Detail) Refusal(ReviewError error, string id) => error switch
    {
        ReviewError.NotFound => (StatusCodes.Status404NotFound, $"There is no access request '{id}'."),
        ReviewError.NotAReviewer => (StatusCodes.Status403Forbidden, "You are not one of this request's reviewers."),
        ReviewError.SelfReview => (StatusCodes.Status403Forbidden, "You cannot review your own request."),
        ReviewError.AlreadyReviewed => (StatusCodes.Status409Conflict, "You have already reviewed this request."),
        ReviewError.AlreadyResolved => (StatusCodes.Status409Conflict, "This request is already resolved."),
        ReviewError.NotRequester => (StatusCodes.Status403Forbidden, "Only the person who asked can withdraw this request."),
        ReviewError.NotActive => (StatusCodes.Status409Conflict, "This access is not active, so there is nothing to revoke."),
        _ => (StatusCodes.Status409Conflict, "This request timed out before your review."),
    };

    private async Task<ReviewResult<AccessGrant>> RecordAsync(ReviewResult<AccessGrant> result)
    {
        if (result.Value is { } grant)
        {
            active.Forget(grant.Requester.Id);

            // The change is stored; its audit records must be written even if the caller has gone away meanwhile.
            await audit.RecordAsync(grant, result.Events, CancellationToken.None);
        }

        return result;
    }
}
