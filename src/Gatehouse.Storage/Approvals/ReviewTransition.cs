namespace Gatehouse.Storage.Approvals;

/// <summary>The outcome of applying the review rules: the new state, or why nothing (or only a timeout) changed.</summary>
/// <param name="Error">Why the review was refused, or null when it was recorded.</param>
/// <param name="State">The state after the transition.</param>
/// <param name="Reviews">The reviews after the transition.</param>
/// <param name="ResolvedAt">When the request resolved, or null while pending.</param>
/// <param name="Events">The state changes to audit; empty when nothing changed.</param>
public sealed record ReviewTransition(
    ReviewError? Error,
    ReviewState State,
    IReadOnlyList<Review> Reviews,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<ReviewEvent> Events)
{
    /// <summary>Gets whether anything must be written: a refusal can still carry a timeout.</summary>
    public bool Changed => Events.Count > 0;
}
