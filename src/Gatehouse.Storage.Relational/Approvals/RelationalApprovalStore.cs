using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Approvals;

/// <summary>Approval requests in a relational store: the one implementation both providers derive from.</summary>
/// <remarks>
/// Each change runs in one write transaction that locks the request (see <c>ReviewWrites</c>) and seals the changed
/// row into the audit chain. A change that resolves a request tells the notifier after it commits, so waiters re-read
/// at once. Only the providers in this product can derive from it: the constructor takes their internal database seam.
/// </remarks>
public abstract class RelationalApprovalStore : IApprovalStore
{
    private readonly IRelationalDatabase _database;
    private readonly TimeProvider _time;
    private readonly IApprovalNotifier _notifier;

    private protected RelationalApprovalStore(IRelationalDatabase database, TimeProvider timeProvider, IApprovalNotifier? notifier)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _time = timeProvider;
        _notifier = notifier ?? new PollingApprovalNotifier(timeProvider);
    }

    /// <inheritdoc />
    public async Task<ReviewResult<ApprovalRequest>> CreateAsync(ApprovalDraft draft, CancellationToken cancellationToken)
    {
        var request = ApprovalRequest.Open(draft, _time.GetUtcNow());
        await ReviewWrites.InsertAsync(_database, ApprovalTable.Instance, request, cancellationToken).ConfigureAwait(false);
        return new ReviewResult<ApprovalRequest>(request, null, [ReviewProcess.Opened(request)]);
    }

    /// <inheritdoc />
    public async Task<ApprovalRequest?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await SelectAsync(new ReviewQuery("id = @id", c => c.Add("@id", id)), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApprovalRequest>> ListAsync(ReviewState? state, CancellationToken cancellationToken)
    {
        // A stored 'pending' row may read as timed out, so that filter is applied after the timeout is.
        var all = await SelectAsync(ReviewQuery.All, cancellationToken).ConfigureAwait(false);
        return state is null ? all : [.. all.Where(r => r.State == state)];
    }

    /// <inheritdoc />
    public Task<ReviewPage<ApprovalRequest>> ListPageAsync(ReviewState? state, string? after, int limit, CancellationToken cancellationToken)
    {
        var query = state switch
        {
            null => ReviewQuery.All,
            ReviewState.Pending => new ReviewQuery(ReviewPaging.Pending, static _ => { }),
            ReviewState.TimedOut => new ReviewQuery("state = 'timed_out' OR (state = 'pending' AND deadline_ticks <= @now)", static _ => { }),
            { } s => new ReviewQuery("state = @state", c => c.Add("@state", ReviewColumns.StateText(s))),
        };
        var now = _time.GetUtcNow();
        return ReviewPaging.PageAsync(_database, ApprovalTable.Instance, query, after, limit, now, r => r.AsOf(now), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ApprovalRequest?> FindPendingAsync(string digest, string requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var now = _time.GetUtcNow();
        var found = await SelectAsync(
            new ReviewQuery($"{ReviewPaging.Pending} AND digest = @digest AND requester = @requester", c => BindLookup(c, digest, requester, now)),
            cancellationToken).ConfigureAwait(false);
        return found.FirstOrDefault(r => r.State == ReviewState.Pending);
    }

    /// <inheritdoc />
    public Task<int> CountPendingAsync(string requester, CancellationToken cancellationToken) =>
        ReviewPaging.CountPendingAsync(_database, ApprovalTable.TableName, requester, _time.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    public async Task<ReviewResult<ApprovalRequest>> ReviewAsync(
        string id, Principal reviewer, ReviewDecision decision, string? justification, CancellationToken cancellationToken)
    {
        var result = await ReviewWrites.ReviewAsync(
            _database, ApprovalTable.Instance, id, reviewer, decision, justification, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await NotifyAsync(result.Events, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public async Task<ReviewResult<ApprovalRequest>> CancelAsync(string id, Principal requester, CancellationToken cancellationToken)
    {
        var result = await ReviewWrites.CancelAsync(_database, ApprovalTable.Instance, id, requester, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await NotifyAsync(result.Events, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public async Task<ApprovalRequest?> FindValidApprovalAsync(string digest, string requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var now = _time.GetUtcNow();
        var found = await SelectAsync(
            new ReviewQuery("state = 'approved' AND digest = @digest AND requester = @requester AND expires_ticks > @now", c => BindLookup(c, digest, requester, now)),
            cancellationToken).ConfigureAwait(false);
        return found.FirstOrDefault(r => r.IsValidFor(digest, requester, now));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewEvent>> SweepAsync(CancellationToken cancellationToken)
    {
        var events = await ReviewWrites.SweepAsync(_database, ApprovalTable.Instance, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await NotifyAsync(events, cancellationToken).ConfigureAwait(false);
        return events;
    }

    /// <inheritdoc />
    public Task<ApprovalRequest> WaitForResolutionAsync(string id, TimeSpan wait, CancellationToken cancellationToken) =>
        ApprovalWaiter.WaitAsync(ct => GetAsync(id, ct), _notifier, _time, id, wait, cancellationToken);

    private static void BindLookup(System.Data.Common.DbCommand command, string digest, string requester, DateTimeOffset now)
    {
        command.Add("@digest", digest.ToLowerInvariant());
        command.Add("@requester", requester);
        command.Add("@now", now.UtcTicks);
    }

    private Task<List<ApprovalRequest>> SelectAsync(ReviewQuery query, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return ReviewPaging.SelectAsync(_database, ApprovalTable.Instance, query, r => r.AsOf(now), cancellationToken);
    }

    private async Task NotifyAsync(IReadOnlyList<ReviewEvent> events, CancellationToken cancellationToken)
    {
        foreach (var id in events.Where(e => e.Kind != ReviewEventKind.Reviewed).Select(e => e.Id).Distinct())
        {
            await _notifier.NotifyAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }
}
