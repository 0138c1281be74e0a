using Gatehouse.Control.Authorization;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// The changes to an access request: <c>POST /api/access/requests/{id}/approve</c> and <c>/reject</c> with
/// <c>{"justification": "..."}</c> (reviewers only, never the requester), <c>/revoke</c> (the requester or a
/// reviewer) and <c>/cancel</c> (the requester withdraws a pending request), through <see cref="AccessReviews"/> as the console's inbox does.
/// </summary>
internal static class AccessReviewEndpoints
{
    public static void MapAccessReviews(this IEndpointRouteBuilder api)
    {
        api.MapPost("/access/requests/{id}/approve", (HttpContext c, string id, AccessReviews r, TimeProvider t) => ReviewAsync(c, id, ReviewDecision.Approve, r, t));
        api.MapPost("/access/requests/{id}/reject", (HttpContext c, string id, AccessReviews r, TimeProvider t) => ReviewAsync(c, id, ReviewDecision.Reject, r, t));
        api.MapPost("/access/requests/{id}/revoke", RevokeAsync);
        api.MapPost("/access/requests/{id}/cancel", CancelAsync);
    }

    private static async Task CancelAsync(HttpContext context, string id, AccessReviews reviews, TimeProvider time)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        await AnswerAsync(context, id, await reviews.CancelAsync(id, caller, context.RequestAborted), time);
    }

    private static async Task ReviewAsync(
        HttpContext context, string id, ReviewDecision decision, AccessReviews reviews, TimeProvider time)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        var (ok, input) = await AccessHttp.ReadAsync(context, ReviewApiJsonContext.Default.ReviewInput, """{"justification": "..."}""");
        if (!ok)
        {
            return;
        }

        await AnswerAsync(context, id, await reviews.ReviewAsync(id, caller, decision, input?.Justification, context.RequestAborted), time);
    }

    private static async Task RevokeAsync(HttpContext context, string id, AccessReviews reviews, TimeProvider time)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        await AnswerAsync(context, id, await reviews.RevokeAsync(id, caller, context.RequestAborted), time);
    }

    private static async Task AnswerAsync(HttpContext context, string id, ReviewResult<AccessGrant> result, TimeProvider time)
    {
        if (result.Error is { } error)
        {
            var (status, detail) = AccessReviews.Refusal(error, id);
            await AccessHttp.Problem(context, status, error.Code(), detail);
            return;
        }

        await AccessHttp.WriteAsync(context, GrantView.Of(result.Value!, time.GetUtcNow()));
    }
}
