using Gatehouse.Control.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// Maps the review API: <c>/api/reviews</c> (every kind of review item) and its kind-specific aliases
/// <c>/api/approvals</c> (held requests and responses) and <c>/api/access/requests</c> (just-in-time access).
/// </summary>
/// <remarks>
/// Every route takes <see cref="ControlPolicies.Caller"/>: anyone identified may call it, and what they may see or
/// decide is then the item's own rule (its requester, or the reviewers its rule or access configuration names, never
/// the requester under any identity), which the store's review process enforces whichever door a decision comes through.
/// </remarks>
internal static class ReviewApi
{
    // The caller policy admits anyone authenticated, so this is never sent; it marks the routes as API ones, whose
    // refusals (401) are problem+json rather than a sign-in redirect.
    public static readonly ForbiddenProblem Forbidden = new("review_forbidden", "Review", "Reviews are open to identified callers: send a token or an API key.");

    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireRole(ControlPolicies.Caller, Forbidden);
        api.MapReviews();
        api.MapApprovals();
        api.MapAccess();
        return endpoints;
    }
}
