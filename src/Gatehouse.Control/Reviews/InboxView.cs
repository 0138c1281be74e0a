namespace Gatehouse.Control.Reviews;

/// <summary>What the inbox lists: held requests and responses, and access requests, each newest first.</summary>
internal sealed record InboxView(IReadOnlyList<InboxItem> Holds, IReadOnlyList<AccessInboxItem> Access)
{
    /// <summary>Gets how many items are listed.</summary>
    public int Count => Holds.Count + Access.Count;

    /// <summary>Gets how many of them the person can decide now.</summary>
    public int Reviewable => Holds.Count(i => i.CanReview) + Access.Count(i => i.CanReview);
}
