using Gatehouse.Control.Authorization;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Policy.Durations;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// The just-in-time access API: <c>POST /api/access/requests</c> with <c>{connection, duration, reason}</c>,
/// <c>GET /api/access/requests[?state=]</c>, <c>GET /api/access/requests/{id}</c>, and the changes in
/// <see cref="AccessReviewEndpoints"/>. Callers are identified like any other; the requester sees their own requests,
/// a reviewer those they may review.
/// </summary>
internal static class AccessEndpoints
{
    /// <summary>The longest reason kept; longer ones are refused rather than cut.</summary>
    public const int MaxReasonChars = 1000;

    public static void MapAccess(this IEndpointRouteBuilder api)
    {
        api.MapPost("/access/requests", RequestAsync);
        api.MapGet("/access/requests", ListAsync);
        api.MapGet("/access/requests/{id}", GetAsync);
        api.MapAccessReviews();
    }

    /// <summary>Gets whether <paramref name="caller"/> may see <paramref name="grant"/>: its requester or one of its reviewers.</summary>
    public static bool CanSee(AccessGrant grant, Principal caller) => grant.Requester.IsSamePerson(caller) || grant.Reviewers.Admits(caller);

    private static async Task RequestAsync(
        HttpContext context, GatehouseConfig config, IGrantStore store, ReviewAudit audit, TimeProvider time)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        var (ok, input) = await AccessHttp.ReadAsync(context, ReviewApiJsonContext.Default.AccessRequestInput, """{"connection": "prod", "duration": "2h", "reason": "..."}""");
        if (!ok)
        {
            return;
        }

        var name = input?.Connection?.Trim() ?? "";
        var connection = config.Connections.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (connection is null || config.Access.For(connection.Name) is not { } rules)
        {
            var requestable = string.Join(", ", config.Access.Connections.Keys.Order(StringComparer.Ordinal));
            await AccessHttp.Problem(context, StatusCodes.Status403Forbidden, "not_requestable",
                $"Access to the connection '{name}' cannot be requested. Connections open to requests: {(requestable.Length == 0 ? "none" : requestable)}.");
            return;
        }

        var parsed = DurationGrammar.Parse(input?.Duration, new DurationRange(TimeSpan.FromSeconds(1), rules.MaxDuration));
        if (parsed.Value is not { } duration)
        {
            await AccessHttp.Problem(context, StatusCodes.Status400BadRequest, "invalid_duration",
                $"duration: {parsed.Error} (the longest for '{connection.Name}' is {DurationGrammar.Format(rules.MaxDuration)}).");
            return;
        }

        var reason = input?.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxReasonChars)
        {
            await AccessHttp.Problem(context, StatusCodes.Status400BadRequest, "invalid_reason",
                $"reason is required (at most {MaxReasonChars} characters): the reviewers decide on it.");
            return;
        }

        if (await store.CountPendingAsync(caller.Id, context.RequestAborted) >= config.Limits.MaxPendingPerCaller)
        {
            context.Response.Headers.RetryAfter = "60";
            await AccessHttp.Problem(context, StatusCodes.Status429TooManyRequests, "too_many_pending",
                $"You already have {config.Limits.MaxPendingPerCaller} access requests pending, the most one caller may have (limits.maxPendingPerCaller). "
                + "Ask a reviewer to decide them, or wait until they time out, then ask again.");
            return;
        }

        var draft = new GrantDraft
        {
            Requester = caller,
            Connection = connection.Name,
            Duration = duration,
            Reason = reason,
            Reviewers = new ReviewPolicy
            {
                ReviewerGroups = rules.ReviewerGroups,
                ReviewerUsers = rules.ReviewerUsers,
                ApprovalsNeeded = rules.ApprovalsNeeded,
                DenyThreshold = rules.DenyThreshold,
            },
            Timeout = rules.Timeout,
        };
        var opened = await store.RequestAsync(draft, context.RequestAborted);
        var grant = opened.Value!;
        await audit.RecordAsync(grant, opened.Events, CancellationToken.None);
        context.Response.Headers.Location = $"/api/access/requests/{grant.Id}";
        await AccessHttp.WriteAsync(context, GrantView.Of(grant, time.GetUtcNow()), StatusCodes.Status201Created);
    }

    private static async Task ListAsync(HttpContext context, IGrantStore store, TimeProvider time, string? state)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        var filter = string.IsNullOrEmpty(state) ? "all" : state.ToLowerInvariant();
        if (filter != "all" && !GrantView.States.Contains(filter))
        {
            await AccessHttp.Problem(context, StatusCodes.Status400BadRequest, "invalid_state", $"state must be {string.Join(", ", GrantView.States)} or all.");
            return;
        }

        var (query, problem) = ReviewListQuery.Read(context.Request);
        if (query is null)
        {
            await AccessHttp.Problem(context, StatusCodes.Status400BadRequest, "invalid_limit", problem!);
            return;
        }

        var now = time.GetUtcNow();
        var page = await store.ListPageAsync(filter == "pending", query.After, query.Limit, context.RequestAborted);
        var visible = page.Items
            .Where(g => CanSee(g, caller))
            .Select(g => GrantView.Of(g, now))
            .Where(v => filter == "all" || v.State == filter)
            .ToList();
        query.LinkNext(context, page.Next);
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(visible, ReviewApiJsonContext.Default.ListGrantView, cancellationToken: context.RequestAborted);
    }

    private static async Task GetAsync(HttpContext context, string id, IGrantStore store, TimeProvider time)
    {
        var caller = ControlCaller.Of(context).ToPrincipal();

        var grant = await store.GetAsync(id, context.RequestAborted);
        if (grant is null || !CanSee(grant, caller))
        {
            await AccessHttp.Problem(context, StatusCodes.Status404NotFound, "not_found", $"There is no access request '{id}' that you may see.");
            return;
        }

        await AccessHttp.WriteAsync(context, GrantView.Of(grant, time.GetUtcNow()));
    }
}
