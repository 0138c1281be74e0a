using Gatehouse.Audit.Store;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// Reads the review items a person may see: the ones they review (with the held content) and the ones they asked for
/// (without it), by the same visibility rules as <c>/api/approvals</c> and <c>/api/access/requests</c>.
/// </summary>
internal sealed class InboxReader(IApprovalStore store, IGrantStore grants, IAuditStore audit)
{
    /// <summary>The most items one page shows: 200.</summary>
    public const int MaxItems = 200;

    /// <summary>The most stored rows one listing reads before it stops: 5,000.</summary>
    private const int MaxScanned = 5_000;

    /// <summary>Returns the pending items, newest first, with the held content of those the person reviews.</summary>
    public async Task<IReadOnlyList<InboxItem>> PendingAsync(Principal viewer, CancellationToken cancellationToken)
    {
        var items = new List<InboxItem>();
        foreach (var request in await VisibleAsync(viewer, ReviewState.Pending, cancellationToken))
        {
            items.Add(await DescribeAsync(request, viewer, withContent: true, cancellationToken));
        }

        return items;
    }

    /// <summary>Returns everything pending the person may see: held requests and responses, and access requests.</summary>
    public async Task<InboxView> InboxAsync(Principal viewer, CancellationToken cancellationToken)
        => new(await PendingAsync(viewer, cancellationToken), await PendingAccessAsync(viewer, cancellationToken));

    /// <summary>Returns the pending access requests the person asked for or reviews, newest first.</summary>
    public async Task<IReadOnlyList<AccessInboxItem>> PendingAccessAsync(Principal viewer, CancellationToken cancellationToken)
    {
        var visible = new List<AccessGrant>();
        string? after = null;
        var scanned = 0;
        do
        {
            var page = await grants.ListPageAsync(pendingOnly: true, after, ReviewListQuery.MaxLimit, cancellationToken);
            visible.AddRange(page.Items.Where(g => g.State == ReviewState.Pending && AccessEndpoints.CanSee(g, viewer)));
            scanned += page.Items.Count;
            after = page.Next;
        }
        while (after is not null && scanned < MaxScanned);

        return [.. visible.OrderByDescending(g => g.CreatedAt).ThenByDescending(g => g.Id, StringComparer.Ordinal).Take(MaxItems).Select(g =>
        {
            var isOwn = g.Requester.IsSamePerson(viewer);
            var isReviewer = g.Reviewers.Admits(viewer) && !isOwn;
            return new AccessInboxItem(g, isReviewer, isOwn, isReviewer && !g.Reviews.Any(r => r.IsBy(viewer)));
        })];
    }

    /// <summary>Returns the decided holds (approved, rejected, timed out, cancelled), newest first, without held content.</summary>
    public async Task<IReadOnlyList<InboxItem>> DecidedAsync(Principal viewer, CancellationToken cancellationToken)
    {
        var items = new List<InboxItem>();
        foreach (var request in await VisibleAsync(viewer, null, cancellationToken))
        {
            if (request.State != ReviewState.Pending)
            {
                items.Add(await DescribeAsync(request, viewer, withContent: false, cancellationToken));
            }
        }

        return items;
    }

    /// <summary>Returns the decided access requests (approved, rejected, timed out, cancelled) the person asked for or reviews, newest first.</summary>
    public async Task<IReadOnlyList<AccessInboxItem>> DecidedAccessAsync(Principal viewer, CancellationToken cancellationToken)
    {
        var visible = new List<AccessGrant>();
        string? after = null;
        var scanned = 0;
        do
        {
            var page = await grants.ListPageAsync(pendingOnly: false, after, ReviewListQuery.MaxLimit, cancellationToken);
            visible.AddRange(page.Items.Where(g => g.State != ReviewState.Pending && AccessEndpoints.CanSee(g, viewer)));
            scanned += page.Items.Count;
            after = page.Next;
        }
        while (after is not null && scanned < MaxScanned);

        return [.. visible.OrderByDescending(g => g.ResolvedAt).ThenByDescending(g => g.Id, StringComparer.Ordinal).Take(MaxItems).Select(g =>
        {
            var isOwn = g.Requester.IsSamePerson(viewer);
            return new AccessInboxItem(g, g.Reviewers.Admits(viewer) && !isOwn, isOwn, CanReview: false);
        })];
    }

    /// <summary>Returns one item the person may see, with held content if they review it; null otherwise.</summary>
    public async Task<InboxItem?> FindAsync(string id, Principal viewer, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(id, cancellationToken);
        return request is null || !CanSee(request, viewer) ? null : await DescribeAsync(request, viewer, withContent: true, cancellationToken);
    }

    private async Task<List<ApprovalRequest>> VisibleAsync(Principal viewer, ReviewState? state, CancellationToken cancellationToken)
    {
        var visible = new List<ApprovalRequest>();
        string? after = null;
        var scanned = 0;
        do
        {
            var page = await store.ListPageAsync(state, after, ReviewListQuery.MaxLimit, cancellationToken);
            visible.AddRange(page.Items.Where(r => CanSee(r, viewer)));
            scanned += page.Items.Count;
            after = page.Next;
        }
        while (after is not null && scanned < MaxScanned);

        return [.. visible.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).Take(MaxItems)];
    }

    private async Task<InboxItem> DescribeAsync(ApprovalRequest request, Principal viewer, bool withContent, CancellationToken cancellationToken)
    {
        var isOwn = request.Requester.IsSamePerson(viewer);
        var isReviewer = request.Reviewers.Admits(viewer) && !isOwn;
        var canReview = isReviewer && request.State == ReviewState.Pending
            && !request.Reviews.Any(r => r.IsBy(viewer));
        string? text = null;
        IReadOnlyList<HeldCallView> calls = [];
        if (isReviewer && withContent)
        {
            if (request.Hold == HeldPart.Request)
            {
                text = await HeldContent.ReadAsync(request, audit, cancellationToken);
            }
            else if (await HeldContent.ReadHeldCallsAsync(request, audit, cancellationToken) is { } held)
            {
                calls = [.. held.Select(HeldCallView.Of)];
            }
        }

        return new InboxItem(request, isReviewer, isOwn, canReview, text, calls);
    }

    private static bool CanSee(ApprovalRequest request, Principal viewer)
        => request.Reviewers.Admits(viewer) || request.Requester.IsSamePerson(viewer);
}
