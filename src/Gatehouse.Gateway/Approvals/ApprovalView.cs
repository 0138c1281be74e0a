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
        [.. r.Reviews.Select(v => new ReviewView(v.Reviewer, v.Decision == ReviewDecision.Approve ? "approve" : "reject", v.Justification, v.At))],
        r.CreatedAt,
        r.ResolvedAt,
        r.ExpiresAt);

    public static string StateName(ReviewState state) => state switch
    {
        ReviewState.Approved => "approved",
        ReviewState.Rejected => "rejected",
        ReviewState.TimedOut => "timed_out",
        _ => "pending",
    };
}
