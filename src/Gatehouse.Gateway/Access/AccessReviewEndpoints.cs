using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Identity;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Gateway.Access;

/// <summary>
/// The changes to an access request: <c>POST /api/access/requests/{id}/approve</c> and <c>/reject</c> with
/// <c>{"justification": "..."}</c> (reviewers only, never the requester), and <c>/revoke</c> (the requester or a
/// reviewer). Every change is audited, and the requester's cached grants are dropped so that it applies at once.
/// </summary>
internal static class AccessReviewEndpoints
{
    public static void MapAccessReviews(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/access/requests/{id}/approve", (HttpContext c, string id, IdentityResolver i, IGrantStore s, AccessAudit a, ActiveGrants g, TimeProvider t)
            => ReviewAsync(c, id, ReviewDecision.Approve, i, s, a, g, t));
        endpoints.MapPost("/api/access/requests/{id}/reject", (HttpContext c, string id, IdentityResolver i, IGrantStore s, AccessAudit a, ActiveGrants g, TimeProvider t)
            => ReviewAsync(c, id, ReviewDecision.Reject, i, s, a, g, t));
        endpoints.MapPost("/api/access/requests/{id}/revoke", RevokeAsync);
    }

    private static async Task ReviewAsync(
        HttpContext context, string id, ReviewDecision decision, IdentityResolver identity, IGrantStore store, AccessAudit audit, ActiveGrants active, TimeProvider time)
    {
        if (await ApprovalEndpoints.CallerAsync(context, identity) is not { } caller)
        {
            return;
        }

        var (ok, input) = await AccessHttp.ReadAsync(context, AccessJsonContext.Default.ReviewInput, """{"justification": "..."}""");
        if (!ok)
        {
            return;
        }

        var result = await store.ReviewAsync(id, caller, decision, input?.Justification, context.RequestAborted);
        await AnswerAsync(context, id, result, audit, active, time);
    }

    private static async Task RevokeAsync(
        HttpContext context, string id, IdentityResolver identity, IGrantStore store, AccessAudit audit, ActiveGrants active, TimeProvider time)
    {
        if (await ApprovalEndpoints.CallerAsync(context, identity) is not { } caller)
        {
            return;
        }

        await AnswerAsync(context, id, await store.RevokeAsync(id, caller, context.RequestAborted), audit, active, time);
    }

    private static async Task AnswerAsync(HttpContext context, string id, ReviewResult<AccessGrant> result, AccessAudit audit, ActiveGrants active, TimeProvider time)
    {
        if (result.Value is { } grant)
        {
            active.Forget(grant.Requester.Id);
            await audit.RecordAsync(grant, result.Events, CancellationToken.None);
        }

        if (result.Error is { } error)
        {
            var (status, detail) = error switch
            {
                ReviewError.NotFound => (StatusCodes.Status404NotFound, $"There is no access request '{id}'."),
                ReviewError.NotAReviewer => (StatusCodes.Status403Forbidden, "You are not one of this request's reviewers."),
                ReviewError.SelfReview => (StatusCodes.Status403Forbidden, "You cannot review your own request."),
                ReviewError.AlreadyReviewed => (StatusCodes.Status409Conflict, "You have already reviewed this request."),
                ReviewError.AlreadyResolved => (StatusCodes.Status409Conflict, "This request is already resolved."),
                ReviewError.NotActive => (StatusCodes.Status409Conflict, "This access is not active, so there is nothing to revoke."),
                _ => (StatusCodes.Status409Conflict, "This request timed out before your review."),
            };
            await AccessHttp.Problem(context, status, error.Code(), detail);
            return;
        }

        await AccessHttp.WriteAsync(context, GrantView.Of(result.Value!, time.GetUtcNow()));
    }
}
