using Gatehouse.Gateway.Approvals;
using Gatehouse.Policy.Durations;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// One review item as <c>/api/reviews</c> shows it, whatever its kind: a held request, a held response or an access
/// request. The kind is the only variation: what is held (<see cref="ExchangeId"/>, <see cref="HeldContent"/>) or what
/// approval releases (<see cref="Duration"/>, <see cref="EndsAt"/>).
/// </summary>
/// <param name="Id">The item's id: <c>apr_</c> for a held request or response, <c>grt_</c> for an access request.</param>
/// <param name="Kind"><c>request_hold</c>, <c>response_hold</c> or <c>access_request</c>.</param>
/// <param name="State"><c>pending</c>, <c>approved</c>, <c>rejected</c>, <c>timed_out</c> or <c>cancelled</c>, as of now.</param>
/// <param name="Requester">Who asked: their verified e-mail, else their subject.</param>
/// <param name="Connection">The connection.</param>
/// <param name="Rule">The policy rule that held it; null for an access request.</param>
/// <param name="Reason">Why: the rule's reason for a hold (withheld from a held response's requester), the requester's for access.</param>
/// <param name="ReviewerGroups">The groups whose members may review.</param>
/// <param name="ReviewerUsers">The people who may review by name.</param>
/// <param name="ApprovalsNeeded">How many approvals resolve it.</param>
/// <param name="Reviews">The reviews so far, oldest first.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="ResolvedAt">When it was approved, rejected, timed out or withdrawn.</param>
/// <param name="Deadline">When it times out if nobody decides.</param>
/// <param name="CanReview">Whether the caller may approve or reject it now.</param>
/// <param name="CanCancel">Whether the caller may withdraw it now (its requester, while pending).</param>
internal sealed record ReviewItem(
    string Id,
    string Kind,
    string State,
    string Requester,
    string Connection,
    string? Rule,
    string Reason,
    IReadOnlyList<string> ReviewerGroups,
    IReadOnlyList<string> ReviewerUsers,
    int ApprovalsNeeded,
    IReadOnlyList<ReviewView> Reviews,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset Deadline,
    bool CanReview,
    bool CanCancel)
{
    /// <summary>The kinds of item, as <c>?kind=</c> accepts them.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["request_hold", "response_hold", "access_request"];

    /// <summary>The states of an item, as <c>?state=</c> accepts them besides <c>all</c>.</summary>
    public static readonly IReadOnlyList<string> States = ReviewNames.States;

    /// <summary>Gets the held exchange's id, for a hold.</summary>
    public string? ExchangeId { get; init; }

    /// <summary>Gets the held content (masked, bounded), for one hold read by one of its reviewers; null otherwise.</summary>
    public string? HeldContent { get; init; }

    /// <summary>Gets how long the access lasts once approved, for an access request.</summary>
    public string? Duration { get; init; }

    /// <summary>Gets when approved access ends, for an access request.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Gets when approved access was revoked, for an access request.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Gets whether an item id names an access request rather than a hold.</summary>
    public static bool IsAccessId(string id) => id.StartsWith("grt_", StringComparison.Ordinal);

    /// <summary>Gets whether <paramref name="viewer"/> may see <paramref name="item"/>: its requester or one of its reviewers.</summary>
    public static bool CanSee(IReviewable item, Principal viewer) => item.Requester.IsSamePerson(viewer) || item.Reviewers.Admits(viewer);

    /// <summary>Gets whether <paramref name="viewer"/> reviews <paramref name="item"/> (a reviewer who is not its requester).</summary>
    public static bool IsReviewer(IReviewable item, Principal viewer) => item.Reviewers.Admits(viewer) && !item.Requester.IsSamePerson(viewer);

    /// <summary>Describes a held request or response as <paramref name="viewer"/> sees it.</summary>
    public static ReviewItem Of(ApprovalRequest r, Principal viewer)
    {
        ArgumentNullException.ThrowIfNull(r);
        var reviewer = IsReviewer(r, viewer);
        return Common(r, r.Hold == HeldPart.Request ? "request_hold" : "response_hold", ApprovalView.StateName(r.State), viewer) with
        {
            Rule = r.RuleName,

            // A held response's reason was written by the policy from the held tool calls: reviewers only, as in /api/approvals.
            Reason = reviewer || r.Hold == HeldPart.Request ? r.Justification : "",
            ExchangeId = r.ExchangeId,
        };
    }

    /// <summary>Describes an access request as <paramref name="viewer"/> sees it.</summary>
    public static ReviewItem Of(AccessGrant g, Principal viewer) =>
        Common(g, "access_request", ApprovalView.StateName(g.State), viewer) with
        {
            Reason = g.Reason,
            Duration = DurationGrammar.Format(g.Duration),
            EndsAt = g.EndsAt,
            RevokedAt = g.RevokedAt,
        };

    private static ReviewItem Common(IReviewable item, string kind, string state, Principal viewer)
    {
        var pending = item.State == ReviewState.Pending;
        return new ReviewItem(
            item.Id,
            kind,
            state,
            item.Requester.Email ?? item.Requester.Subject,
            item.Connection,
            null,
            "",
            item.Reviewers.ReviewerGroups,
            item.Reviewers.ReviewerUsers,
            item.Reviewers.ApprovalsNeeded,
            [.. item.Reviews.Select(ReviewView.Of)],
            item.CreatedAt,
            item switch { ApprovalRequest a => a.ResolvedAt, AccessGrant g => g.ResolvedAt, _ => null },
            ReviewProcess.DeadlineOf(item),
            pending && IsReviewer(item, viewer) && !item.Reviews.Any(r => r.IsBy(viewer)),
            pending && item.Requester.IsSamePerson(viewer));
    }
}
