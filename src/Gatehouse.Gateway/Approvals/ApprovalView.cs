using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Approvals;

/// <summary>An approval request as the admin API shows it to reviewers: what is held, by whom, and its reviews.</summary>
internal sealed record ApprovalView(
    string Id,
    string State,
    string ExchangeId,
    string Requester,
    string Connection,
    string Rule,
    string Held,
    string ContentDigest,
    string Justification,
    IReadOnlyList<string> ReviewerGroups,
    IReadOnlyList<string> ReviewerUsers,
    int ApprovalsNeeded,
    IReadOnlyList<ReviewView> Reviews,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ExpiresAt)
{
    /// <summary>Gets what is held (masked, bounded), shown only to a reviewer of one request; null otherwise.</summary>
    public string? HeldContent { get; init; }

    public static ApprovalView Of(ApprovalRequest r) => new(
        r.Id,
        StateName(r.State),
        r.ExchangeId,
        r.Requester.Email ?? r.Requester.Subject,
        r.Connection,
        r.RuleName,
        r.Hold == HeldPart.Request ? "request" : "response",
        r.ContentDigest,
        r.Justification,
        r.Reviewers.ReviewerGroups,
        r.Reviewers.ReviewerUsers,
        r.Reviewers.ApprovalsNeeded,
        [.. r.Reviews.Select(v => new ReviewView(v.DisplayName, ReviewNames.Decision(v.Decision), v.Justification, v.At))],
        r.CreatedAt,
        r.ResolvedAt,
        r.ExpiresAt);

    /// <summary>
    /// Returns the view as a caller who is not a reviewer of <paramref name="request"/> sees it: for a held response,
    /// without the justification, which the policy wrote from the held tool calls (their paths and names).
    /// </summary>
    public static ApprovalView ForNonReviewer(ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = Of(request);
        return request.Hold == HeldPart.Response ? view with { Justification = "" } : view;
    }

    public static string StateName(ReviewState state) => ReviewNames.State(state);
}
