using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// Reads the review items of every kind a person may see (those they review and those they asked for), newest first,
/// from the approvals store (held requests and responses) and the grants store (access requests).
/// </summary>
/// <remarks>
/// The two stores page separately, so a listing reads each one newest first, up to <see cref="MaxScanned"/> rows per
/// store, merges them by (created, id) and cuts the page there; the cursor is the last item's id, and the next page
/// starts below its position. Items beyond the scan bound are still reachable through the kind's own list
/// (<c>/api/approvals</c>, <c>/api/access/requests</c>), which page without bound.
/// </remarks>
internal sealed class ReviewItemReader(IApprovalStore approvals, IGrantStore grants)
{
    /// <summary>The most stored rows one listing reads per store: 5,000.</summary>
    public const int MaxScanned = 5_000;

    /// <summary>Finds one item by id as of now; null when there is none.</summary>
    public async Task<IReviewable?> FindAsync(string id, CancellationToken cancellationToken) => ReviewItem.IsAccessId(id)
        ? await grants.GetAsync(id, cancellationToken)
        : await approvals.GetAsync(id, cancellationToken);

    /// <summary>Lists one page of the items <paramref name="viewer"/> may see, newest first, and the cursor of the next page.</summary>
    /// <param name="viewer">Who reads.</param>
    /// <param name="state">Only items in this state (as of now), or every state when null.</param>
    /// <param name="kind">Only items of this kind (see <see cref="ReviewItem.Kinds"/>), or every kind when null.</param>
    /// <param name="after">The cursor: the id of the last item of the previous page; null for the first page.</param>
    /// <param name="limit">The most items on the page.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<(IReadOnlyList<IReviewable> Items, string? Next)> ListAsync(
        Principal viewer, ReviewState? state, string? kind, string? after, int limit, CancellationToken cancellationToken)
    {
        var items = new List<IReviewable>();
        if (kind is null or "request_hold" or "response_hold")
        {
            items.AddRange(await ScanAsync(
                (cursor, ct) => approvals.ListPageAsync(state, cursor, ReviewListQuery.MaxLimit, ct),
                r => (kind is null || (kind == "request_hold") == (r.Hold == HeldPart.Request)) && ReviewItem.CanSee(r, viewer),
                cancellationToken));
        }

        if (kind is null or "access_request")
        {
            items.AddRange(await ScanAsync(
                (cursor, ct) => grants.ListPageAsync(state == ReviewState.Pending, cursor, ReviewListQuery.MaxLimit, ct),
                g => (state is null || g.State == state) && ReviewItem.CanSee(g, viewer),
                cancellationToken));
        }

        var ordered = items.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id, StringComparer.Ordinal).ToList();
        var start = 0;
        if (after is not null)
        {
            var position = await FindAsync(after, cancellationToken);
            start = position is null ? ordered.Count : ordered.FindIndex(i => IsOlder(i, position));
            start = start < 0 ? ordered.Count : start;
        }

        var page = ordered.Skip(start).Take(limit).ToList();
        return (page, start + page.Count < ordered.Count ? page[^1].Id : null);
    }

    private static bool IsOlder(IReviewable item, IReviewable than) =>
        item.CreatedAt < than.CreatedAt || (item.CreatedAt == than.CreatedAt && string.CompareOrdinal(item.Id, than.Id) < 0);

    private static async Task<List<T>> ScanAsync<T>(
        Func<string?, CancellationToken, Task<ReviewPage<T>>> page, Func<T, bool> keep, CancellationToken cancellationToken)
        where T : class
    {
        var kept = new List<T>();
        string? cursor = null;
        var scanned = 0;
        do
        {
            var read = await page(cursor, cancellationToken);
            kept.AddRange(read.Items.Where(keep));
            scanned += read.Items.Count;
            cursor = read.Next;
        }
        while (cursor is not null && scanned < MaxScanned);

        return kept;
    }
}
