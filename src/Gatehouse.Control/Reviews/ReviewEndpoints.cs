using Gatehouse.Control.Authorization;
using Gatehouse.Audit.Store;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Problems;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// One API for every review item (held requests, held responses, access requests):
/// <c>GET /api/reviews[?state=&amp;kind=&amp;limit=&amp;after=]</c> (everything the caller reviews or asked for, newest
/// first, paged like the other review lists), <c>GET /api/reviews/{id}</c>, <c>POST /api/reviews/{id}/approve</c> and
/// <c>/reject</c> with <c>{"justification": "..."}</c> (reviewers, never the requester), and <c>/cancel</c> (the
/// requester only: withdraws a pending item). The kind-specific routes (<c>/api/approvals</c>,
/// <c>/api/access/requests</c>) stay as aliases with their own views, and gain <c>/cancel</c> too.
/// </summary>
internal static class ReviewEndpoints
{
    public static void MapReviews(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reviews", ListAsync);
        api.MapGet("/reviews/{id}", GetAsync);
        api.MapPost("/reviews/{id}/approve", (HttpContext c, string id, ApprovalReviews a, AccessReviews g) => DecideAsync(c, id, ReviewDecision.Approve, a, g));
        api.MapPost("/reviews/{id}/reject", (HttpContext c, string id, ApprovalReviews a, AccessReviews g) => DecideAsync(c, id, ReviewDecision.Reject, a, g));
        api.MapPost("/reviews/{id}/cancel", CancelAsync);
    }

    private static async Task ListAsync(HttpContext context, ReviewItemReader reader, string? state, string? kind)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        var wanted = state?.ToLowerInvariant() is null or "" or "all" ? null : state.ToLowerInvariant();
        if (wanted is not null && !ReviewItem.States.Contains(wanted))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid_state", $"state must be one of {string.Join(", ", ReviewItem.States)} or all.");
            return;
        }

        var kindWanted = kind?.ToLowerInvariant() is null or "" or "all" ? null : kind.ToLowerInvariant();
        if (kindWanted is not null && !ReviewItem.Kinds.Contains(kindWanted))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid_kind", $"kind must be one of {string.Join(", ", ReviewItem.Kinds)} or all.");
            return;
        }

        var (query, problem) = ReviewListQuery.Read(context.Request);
        if (query is null)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid_limit", problem!);
            return;
        }

        var (items, next) = await reader.ListAsync(caller, StateOf(wanted), kindWanted, query.After, query.Limit, context.RequestAborted);
        query.LinkNext(context, next);
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(
            items.Select(i => Describe(i, caller)).ToList(), ReviewApiJsonContext.Default.ListReviewItem, cancellationToken: context.RequestAborted);
    }

    private static async Task GetAsync(HttpContext context, string id, ReviewItemReader reader, IAuditStore audit)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        var item = await reader.FindAsync(id, context.RequestAborted);
        if (item is null || !ReviewItem.CanSee(item, caller))
        {
            await Problem(context, StatusCodes.Status404NotFound, "not_found", $"There is no review item '{id}' that you may see.");
            return;
        }

        var view = Describe(item, caller);
        if (item is ApprovalRequest request && ReviewItem.IsReviewer(request, caller))
        {
            view = view with { HeldContent = await HeldContent.ReadAsync(request, audit, context.RequestAborted) };
        }

        await WriteAsync(context, view);
    }

    private static async Task DecideAsync(
        HttpContext context, string id, ReviewDecision decision, ApprovalReviews approvals, AccessReviews access)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        var (ok, input) = await JsonBodies.ReadAsync(context, ReviewApiJsonContext.Default.ReviewInput, "{\"justification\": \"...\"}",
            (status, code, detail) => Problem(context, status, code, detail));
        if (!ok)
        {
            return;
        }

        if (ReviewItem.IsAccessId(id))
        {
            var result = await access.ReviewAsync(id, caller, decision, input?.Justification, context.RequestAborted);
            await AnswerAsync(context, id, caller, result.Value, result.Error);
        }
        else
        {
            var result = await approvals.ReviewAsync(id, caller, decision, input?.Justification, context.RequestAborted);
            await AnswerAsync(context, id, caller, result.Value, result.Error);
        }
    }

    private static async Task CancelAsync(HttpContext context, string id, ApprovalReviews approvals, AccessReviews access)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        if (ReviewItem.IsAccessId(id))
        {
            var result = await access.CancelAsync(id, caller, context.RequestAborted);
            await AnswerAsync(context, id, caller, result.Value, result.Error);
        }
        else
        {
            var result = await approvals.CancelAsync(id, caller, context.RequestAborted);
            await AnswerAsync(context, id, caller, result.Value, result.Error);
        }
    }

    private static async Task AnswerAsync(HttpContext context, string id, Principal caller, IReviewable? item, ReviewError? error)
    {
        // Someone who may not see the item learns nothing of it, not even that it exists.
        if (error == ReviewError.NotFound || item is null || !ReviewItem.CanSee(item, caller))
        {
            await Problem(context, StatusCodes.Status404NotFound, "not_found", $"There is no review item '{id}' that you may see.");
            return;
        }

        if (error is { } refused)
        {
            var (status, detail) = ReviewRefusal.Of(refused, id);
            await Problem(context, status, refused.Code(), detail);
            return;
        }

        await WriteAsync(context, Describe(item, caller));
    }

    private static ReviewItem Describe(IReviewable item, Principal caller) => item switch
    {
        AccessGrant g => ReviewItem.Of(g, caller),
        ApprovalRequest r => ReviewItem.Of(r, caller),
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, "Not a review item."),
    };

    // The name was checked against ReviewItem.States above.
    private static ReviewState? StateOf(string? name) => ReviewNames.TryParseState(name, out var state) ? state : null;

    private static Task WriteAsync(HttpContext context, ReviewItem view)
    {
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(view, ReviewApiJsonContext.Default.ReviewItem, cancellationToken: context.RequestAborted);
    }

    private static Task Problem(HttpContext context, int status, string code, string detail)
        => ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(code, "Review", status, detail), context.RequestAborted);
}
