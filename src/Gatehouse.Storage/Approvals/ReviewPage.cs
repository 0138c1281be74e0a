namespace Gatehouse.Storage.Approvals;

/// <summary>One page of a review list, newest first, and the cursor of the next page.</summary>
/// <param name="Items">The items of this page; at most the limit asked for.</param>
/// <param name="Next">The cursor to pass for the next page, or null when this page is the last.</param>
public sealed record ReviewPage<T>(IReadOnlyList<T> Items, string? Next);
