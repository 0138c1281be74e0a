namespace Gatehouse.Storage.Approvals;

/// <summary>What a review, request or revocation did: the item as stored now, the refusal if any, the events to audit.</summary>
/// <typeparam name="T">An <see cref="ApprovalRequest"/> or a grant.</typeparam>
/// <param name="Value">The item after the call; null only for <see cref="ReviewError.NotFound"/>.</param>
/// <param name="Error">Why the call was refused, or null.</param>
/// <param name="Events">The state changes the call stored; a refusal may still carry a timeout.</param>
public sealed record ReviewResult<T>(T? Value, ReviewError? Error, IReadOnlyList<ReviewEvent> Events)
    where T : class
{
    /// <summary>Gets whether the call did what was asked.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Gets the answer for an id that does not exist.</summary>
    public static ReviewResult<T> NotFound { get; } = new(null, ReviewError.NotFound, []);
}
