using Gatehouse.Audit.Store;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Problems;
using Gatehouse.Storage.Approvals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Gateway.Approvals;

/// <summary>
/// The reviewers' API: <c>GET /api/approvals[?state=pending][&amp;limit=100&amp;after=cursor]</c> (paged, see
/// <see cref="ReviewListQuery"/>), <c>GET /api/approvals/{id}</c>,
/// <c>POST /api/approvals/{id}/approve</c> and <c>/reject</c> with <c>{"justification": "..."}</c>, <c>/cancel</c> (the requester withdraws). Callers are
/// identified like any other (OIDC token or API key); who may review is the rule's reviewers, never the requester.
/// One request read by a reviewer carries the held content (see <see cref="HeldContent"/>); the requester's copy does not.
/// </summary>
internal static class ApprovalEndpoints
{
    public static void MapApprovals(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/approvals", ListAsync);
        endpoints.MapGet("/api/approvals/{id}", GetAsync);
        endpoints.MapPost("/api/approvals/{id}/approve", (HttpContext c, string id, IdentityResolver i, ApprovalReviews r)
            => ReviewAsync(c, id, ReviewDecision.Approve, i, r));
        endpoints.MapPost("/api/approvals/{id}/reject", (HttpContext c, string id, IdentityResolver i, ApprovalReviews r)
            => ReviewAsync(c, id, ReviewDecision.Reject, i, r));
        endpoints.MapPost("/api/approvals/{id}/cancel", CancelAsync);
    }

    private static async Task CancelAsync(HttpContext context, string id, IdentityResolver identity, ApprovalReviews reviews)
    {
        if (await CallerAsync(context, identity) is not { } caller)
        {
            return;
        }

        var result = await reviews.CancelAsync(id, caller, context.RequestAborted);
        if (result.Error is { } error)
        {
            var (status, detail) = ReviewRefusal.Of(error, id);
            await Problem(context, status, error.Code(), detail);
            return;
        }

        await context.Response.WriteAsJsonAsync(ApprovalView.Of(result.Value!), ApprovalJsonContext.Default.ApprovalView, cancellationToken: context.RequestAborted);
    }

    private static async Task ListAsync(HttpContext context, IdentityResolver identity, IApprovalStore store, string? state)
    {
        if (await CallerAsync(context, identity) is not { } caller)
        {
            return;
        }

        ReviewState? filter = state?.ToLowerInvariant() switch
        {
            null or "" or "all" => null,
            "pending" => ReviewState.Pending,
            "approved" => ReviewState.Approved,
            "rejected" => ReviewState.Rejected,
            "timed_out" => ReviewState.TimedOut,
            "cancelled" => ReviewState.Cancelled,
            _ => (ReviewState)(-1),
        };
        if (filter == (ReviewState)(-1))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid_state", "state must be pending, approved, rejected, timed_out, cancelled or all");
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
        await context.Response.WriteAsJsonAsync(visible, ApprovalJsonContext.Default.ListApprovalView, cancellationToken: context.RequestAborted);
    }

    private static async Task GetAsync(HttpContext context, string id, IdentityResolver identity, IApprovalStore store, IAuditStore audit)
    {
        if (await CallerAsync(context, identity) is not { } caller)
        {
            return;
        }

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
        await context.Response.WriteAsJsonAsync(view, ApprovalJsonContext.Default.ApprovalView, cancellationToken: context.RequestAborted);
    }

    private static async Task ReviewAsync(HttpContext context, string id, ReviewDecision decision, IdentityResolver identity, ApprovalReviews reviews)
    {
        if (await CallerAsync(context, identity) is not { } caller)
        {
            return;
        }

        var (ok, input) = await JsonBodies.ReadAsync(context, ApprovalJsonContext.Default.ReviewInput, "{\"justification\": \"...\"}",
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

        await context.Response.WriteAsJsonAsync(ApprovalView.Of(result.Value!), ApprovalJsonContext.Default.ApprovalView, cancellationToken: context.RequestAborted);
    }

    private static bool IsReviewer(ApprovalRequest request, Principal caller)
        => request.Reviewers.Admits(caller) && !request.Requester.IsSamePerson(caller);

    private static bool CanSee(ApprovalRequest request, Principal caller)
        => request.Reviewers.Admits(caller) || request.Requester.IsSamePerson(caller);

    /// <summary>Identifies the caller like the data path does; on failure writes the problem and returns null.</summary>
    internal static async Task<Principal?> CallerAsync(HttpContext context, IdentityResolver identity)
    {
        var auth = await identity.AuthenticateAsync(context);
        if (!auth.Succeeded)
        {
            await IdentityResolver.WriteProblemAsync(context, auth.Failure);
            return null;
        }

        return auth.Identity.ToPrincipal();
    }

    private static Task Problem(HttpContext context, int status, string code, string detail)
        => ProblemWriter.WriteAsync(context.Response, new GatehouseProblem(code, "Approval", status, detail), context.RequestAborted);
}
