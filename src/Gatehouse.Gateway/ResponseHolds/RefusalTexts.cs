using Gatehouse.Audit.Records;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>The assistant text a client gets in place of a held response: what happened, the approval id, what to do.</summary>
internal static class RefusalTexts
{
    public static string Of(ApprovalRequest request, IReadOnlyList<string> toolCalls, TimeSpan wait)
    {
        var what = toolCalls.Count == 0 ? "This response" : $"This response (tool calls: {string.Join(", ", toolCalls.Distinct())})";
        return request.State switch
        {
            ReviewState.Rejected =>
                $"[gatehouse] {what} was held for review under rule '{request.RuleName}', and a reviewer rejected it, so it was not delivered (approval {request.Id}).",
            ReviewState.Cancelled =>
                $"[gatehouse] {what} was held for review under rule '{request.RuleName}', and its requester withdrew the review, so it was not delivered (approval {request.Id}).",
            ReviewState.TimedOut =>
                $"[gatehouse] {what} was held for review under rule '{request.RuleName}' and no reviewer decided before the approval timed out, so it was not delivered (approval {request.Id}).",
            _ =>
                $"[gatehouse] {what} was held for review under rule '{request.RuleName}' and no reviewer approved it within {wait.TotalSeconds:0} seconds, so it was not delivered (approval {request.Id}). Ask a reviewer to decide sooner, then try again.",
        };
    }

    public static string Unreviewable(string reason)
        => $"[gatehouse] Policy requires review of this response, but the gateway could not review it ({reason}), so it was not delivered.";

    public static string Denied(string rule, string reason)
        => $"[gatehouse] The gateway's policy refused this response under rule '{rule}' ({reason}), so it was not delivered.";

    public static string Limited(Approvals.HoldLimit limit)
        => $"[gatehouse] Policy requires review of this response, but it was not held ({limit.Code.ToName()}): {limit.Detail}";

    public static string Unavailable()
        => "[gatehouse] Policy requires review of this response, but the gateway could not record the review, so it was not delivered. Try again shortly.";

    // A hold still pending when its wait ends timed out, as far as the held response is concerned.
    public static ResponseHoldOutcome OutcomeOf(ReviewState state) => state switch
    {
        ReviewState.Approved => ResponseHoldOutcome.Approved,
        ReviewState.Rejected => ResponseHoldOutcome.Rejected,
        ReviewState.Cancelled => ResponseHoldOutcome.Cancelled,
        _ => ResponseHoldOutcome.TimedOut,
    };
}
