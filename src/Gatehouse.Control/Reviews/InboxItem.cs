using Gatehouse.Storage.Approvals;

namespace Gatehouse.Control.Reviews;

/// <summary>One review item as the signed-in person sees it in the inbox or the history.</summary>
/// <param name="Request">The approval request.</param>
/// <param name="IsReviewer">Whether the person is one of its reviewers (and not its requester).</param>
/// <param name="IsOwn">Whether the person asked for it.</param>
/// <param name="CanReview">Whether a review button is shown: a reviewer, pending, not reviewed by them yet.</param>
/// <param name="HeldText">The held prompt (masked) for a held request, shown to reviewers only.</param>
/// <param name="Calls">The held tool calls (masked) for a held response, shown to reviewers only.</param>
internal sealed record InboxItem(ApprovalRequest Request, bool IsReviewer, bool IsOwn, bool CanReview, string? HeldText, IReadOnlyList<HeldCallView> Calls)
{
    /// <summary>Gets the element id of the item, stable across refreshes.</summary>
    public string ElementId => "item-" + Request.Id;

    /// <summary>Gets what is held, in words.</summary>
    public string Kind => Request.Hold == HeldPart.Response ? "Held response" : "Held request";

    /// <summary>Gets who asked: their verified e-mail, else their subject.</summary>
    public string Requester => Request.Requester.Email ?? Request.Requester.Subject;

    /// <summary>
    /// Gets the rule's reason; for a held response a non-reviewer does not see it, as the API does not show it: the
    /// policy wrote it from the held tool calls.
    /// </summary>
    public string Reason => IsReviewer || Request.Hold == HeldPart.Request ? Request.Justification : "";

    /// <summary>Gets the state in words.</summary>
    public string State => ReviewNames.State(Request.State).Replace('_', ' ');
}
