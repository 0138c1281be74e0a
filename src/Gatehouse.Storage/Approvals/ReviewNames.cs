namespace Gatehouse.Storage.Approvals;

/// <summary>
/// The one table of the names a review's state and a reviewer's decision have wherever they are text: the store's
/// columns, the review and approval APIs (<c>?state=</c>), their JSON, webhooks and the audit's review events. Lower-case, matched exactly.
/// </summary>
public static class ReviewNames
{
    /// <summary>Gets every state name, in the order of <see cref="ReviewState"/>: <c>pending</c>, <c>approved</c>, <c>rejected</c>, <c>timed_out</c>, <c>cancelled</c>.</summary>
    public static IReadOnlyList<string> States { get; } = [.. Enum.GetValues<ReviewState>().Select(State)];

    /// <summary>Returns the name of <paramref name="state"/>.</summary>
    public static string State(ReviewState state) => state switch
    {
        ReviewState.Pending => "pending",
        ReviewState.Approved => "approved",
        ReviewState.Rejected => "rejected",
        ReviewState.Cancelled => "cancelled",
        _ => "timed_out",
    };

    /// <summary>Reads a state name written by <see cref="State"/>; false for any other text.</summary>
    public static bool TryParseState(string? text, out ReviewState state)
    {
        foreach (var candidate in Enum.GetValues<ReviewState>())
        {
            if (string.Equals(State(candidate), text, StringComparison.Ordinal))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>Returns the name of <paramref name="decision"/>: <c>approve</c> or <c>reject</c>.</summary>
    public static string Decision(ReviewDecision decision) => decision == ReviewDecision.Approve ? "approve" : "reject";

    /// <summary>Reads a decision name written by <see cref="Decision"/>; false for any other text.</summary>
    public static bool TryParseDecision(string? text, out ReviewDecision decision)
    {
        decision = text == "reject" ? ReviewDecision.Reject : ReviewDecision.Approve;
        return text is "approve" or "reject";
    }

    /// <summary>
    /// Returns the name of a review event as the audit's kinds end (<c>approval.timed_out</c>) and as notices name the
    /// state it leaves an item in: <c>requested</c>, <c>reviewed</c>, <c>approved</c>, <c>rejected</c>, <c>timed_out</c>,
    /// <c>cancelled</c> or <c>revoked</c>.
    /// </summary>
    public static string Event(ReviewEventKind kind) => kind switch
    {
        ReviewEventKind.Requested => "requested",
        ReviewEventKind.Reviewed => "reviewed",
        ReviewEventKind.Approved => "approved",
        ReviewEventKind.Rejected => "rejected",
        ReviewEventKind.TimedOut => "timed_out",
        ReviewEventKind.Cancelled => "cancelled",
        _ => "revoked",
    };
}
