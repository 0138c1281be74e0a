using Gatehouse.Gateway.Approvals;
using Gatehouse.Policy.Durations;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;

namespace Gatehouse.Control.Reviews;

/// <summary>A grant as the access API shows it; <see cref="State"/> says where it stands now, not only as stored.</summary>
internal sealed record GrantView(
    string Id,
    string State,
    string Requester,
    string Connection,
    string Duration,
    string Reason,
    IReadOnlyList<string> ReviewerGroups,
    IReadOnlyList<string> ReviewerUsers,
    int ApprovalsNeeded,
    int DenyThreshold,
    IReadOnlyList<ReviewView> Reviews,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy)
{
    /// <summary>The states a grant can be in: what <c>?state=</c> accepts besides <c>all</c>.</summary>
    public static readonly IReadOnlyList<string> States = ["pending", "active", "expired", "revoked", "rejected", "timed_out", "cancelled"];

    public static GrantView Of(AccessGrant g, DateTimeOffset now) => new(
        g.Id,
        StateOf(g, now),
        g.Requester.Email ?? g.Requester.Subject,
        g.Connection,
        DurationGrammar.Format(g.Duration),
        g.Reason,
        g.Reviewers.ReviewerGroups,
        g.Reviewers.ReviewerUsers,
        g.Reviewers.ApprovalsNeeded,
        g.Reviewers.DenyThreshold,
        [.. g.Reviews.Select(ReviewView.Of)],
        g.CreatedAt,
        g.ResolvedAt,
        g.EndsAt,
        g.RevokedAt,
        g.RevokedBy);

    /// <summary>Gets <c>active</c>, <c>expired</c> or <c>revoked</c> for an approved grant, else its stored state.</summary>
    public static string StateOf(AccessGrant g, DateTimeOffset now) => g.State switch
    {
        ReviewState.Approved when g.RevokedAt is not null => "revoked",
        ReviewState.Approved => g.IsActive(now) ? "active" : "expired",
        _ => ApprovalView.StateName(g.State),
    };
}
