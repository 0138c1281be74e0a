using Gatehouse.Policy.Durations;
using Gatehouse.Storage.Grants;

namespace Gatehouse.Control.Reviews;

/// <summary>One just-in-time access request as the signed-in person sees it in the inbox.</summary>
/// <param name="Grant">The access request.</param>
/// <param name="IsReviewer">Whether the person is one of its reviewers (and not its requester).</param>
/// <param name="IsOwn">Whether the person asked for it.</param>
/// <param name="CanReview">Whether a review button is shown: a reviewer, pending, not reviewed by them yet.</param>
internal sealed record AccessInboxItem(AccessGrant Grant, bool IsReviewer, bool IsOwn, bool CanReview)
{
    /// <summary>Gets the element id of the item, stable across refreshes.</summary>
    public string ElementId => "item-" + Grant.Id;

    /// <summary>Gets who asked: their verified e-mail, else their subject.</summary>
    public string Requester => Grant.Requester.Email ?? Grant.Requester.Subject;

    /// <summary>Gets the state in words; an approved grant says whether it is still in force.</summary>
    public string State => Grant.State == Gatehouse.Storage.Approvals.ReviewState.Approved && Grant.RevokedAt is not null
        ? "revoked"
        : Gatehouse.Storage.Approvals.ReviewNames.State(Grant.State).Replace('_', ' ');

    /// <summary>Gets how long the access would last, as the requester wrote it.</summary>
    public string Duration => DurationGrammar.Format(Grant.Duration);
}
