using Gatehouse.Control.Authorization;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Audit.Store;
using Gatehouse.Gateway.Problems;
using Gatehouse.Storage.Approvals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// The reviewers' API: <c>GET /api/approvals[?state=pending][&amp;limit=100&amp;after=cursor]</c> (paged, see
/// <see cref="ReviewListQuery"/>), <c>GET /api/approvals/{id}</c>,
/// <c>POST /api/approvals/{id}/approve</c> and <c>/reject</c> with <c>{"justification": "..."}</c>, <c>/cancel</c> (the requester withdraws). Callers are
/// identified like any other (OIDC token or API key); who may review is the rule's reviewers, never the requester.
/// One request read by a reviewer carries the held content (see <see cref="HeldContent"/>); the requester's copy does not.
/// </summary>
internal static class ApprovalEndpoints
{
    public static void MapApprovals(this IEndpointRouteBuilder api)
    {
        api.MapGet("/approvals", ListAsync);
        api.MapGet("/approvals/{id}", GetAsync);
        api.MapPost("/approvals/{id}/approve", (HttpContext c, string id, ApprovalReviews r) => ReviewAsync(c, id, ReviewDecision.Approve, r));
        api.MapPost("/approvals/{id}/reject", (HttpContext c, string id, ApprovalReviews r) => ReviewAsync(c, id, ReviewDecision.Reject, r));
        api.MapPost("/approvals/{id}/cancel", CancelAsync);
    }

    private static async Task CancelAsync(HttpContext context, string id, ApprovalReviews reviews)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        var result = await reviews.CancelAsync(id, caller, context.RequestAborted);
        if (result.Error is { } error)
        {
            var (status, detail) = ReviewRefusal.Of(error, id);
            await Problem(context, status, error.Code(), detail);
            return;
        }

        await context.Response.WriteAsJsonAsync(ApprovalView.Of(result.Value!), ReviewApiJsonContext.Default.ApprovalView, cancellationToken: context.RequestAborted);
    }

    private static async Task ListAsync(HttpContext context, IApprovalStore store, string? state)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        var wanted = state?.ToLowerInvariant();
        ReviewState? filter = ReviewNames.TryParseState(wanted, out var parsed) ? parsed : null;
        if (filter is null && wanted is not (null or "" or "all"))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid_state", $"state must be {string.Join(", ", ReviewNames.States)} or all");
            return;
        }

        var (query, problem) = ReviewListQuery.Read(context.Request);
        if (query is null)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid_limit", problem!);
            return;
        }

        var page = await store.ListPageAsync(filter, query.After, query.Limit, context.RequestAborted);
        var visible = page.Items.Where(r => CanSee(r, caller))
            .Select(r => IsReviewer(r, caller) ? ApprovalView.Of(r) : ApprovalView.ForNonReviewer(r))
            .ToList();
        query.LinkNext(context, page.Next);
        await context.Response.WriteAsJsonAsync(visible, ReviewApiJsonContext.Default.ListApprovalView, cancellationToken: context.RequestAborted);
    }

    private static async Task GetAsync(HttpContext context, string id, IApprovalStore store, IAuditStore audit)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        var request = await store.GetAsync(id, context.RequestAborted);
        if (request is null || !CanSee(request, caller))
        {
            await Problem(context, StatusCodes.Status404NotFound, "not_found", $"There is no approval request '{id}' that you may see.");
            return;
        }

        var view = IsReviewer(request, caller)
            ? ApprovalView.Of(request) with { HeldContent = await HeldContent.ReadAsync(request, audit, context.RequestAborted) }
            : ApprovalView.ForNonReviewer(request);

        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(view, ReviewApiJsonContext.Default.ApprovalView, cancellationToken: context.RequestAborted);
    }

    private static async Task ReviewAsync(HttpContext context, string id, ReviewDecision decision, ApprovalReviews reviews)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        var (ok, input) = await JsonBodies.ReadAsync(context, ReviewApiJsonContext.Default.ReviewInput, "{\"justification\": \"...\"}",
            (status, code, detail) => Problem(context, status, code, detail));
        if (!ok)
        {
            return;
        }

        var justification = input?.Justification;
        var result = await reviews.ReviewAsync(id, caller, decision, justification, context.RequestAborted);
        if (result.Error is { } error)
        {
            var (status, detail) = ReviewRefusal.Of(error, id);
            await Problem(context, status, error.Code(), detail);
            return;
        }

        await context.Response.WriteAsJsonAsync(ApprovalView.Of(result.Value!), ReviewApiJsonContext.Default.ApprovalView, cancellationToken: context.RequestAborted);
    }

    private static bool IsReviewer(ApprovalRequest request, Principal caller)
        => request.Reviewers.Admits(caller) && !request.Requester.IsSamePerson(caller);

    private static bool CanSee(ApprovalRequest request, Principal caller)
        => request.Reviewers.Admits(caller) || request.Requester.IsSamePerson(caller);

    private static Task Problem(HttpContext context, int status, string code, string detail)
        => ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(code, "Approval", status, detail), context.RequestAborted);
}
