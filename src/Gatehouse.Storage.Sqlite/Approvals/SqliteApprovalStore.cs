using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Sqlite.Database;

namespace Gatehouse.Storage.Sqlite.Approvals;

/// <summary>Approval requests in the embedded store's database file.</summary>
/// <remarks>
/// Shares the <see cref="SqliteStore"/>'s writer connection and lock. Several processes may open the same file: each
/// change runs in one immediate transaction (see <c>ReviewWrites</c>), and waiters in other processes see it at their
/// next poll.
/// </remarks>
public sealed class SqliteApprovalStore : IApprovalStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly IApprovalNotifier _notifier;

    /// <summary>Initializes a new instance over <paramref name="store"/>'s database; the notifier defaults to polling.</summary>
    public SqliteApprovalStore(SqliteStore store, TimeProvider timeProvider, IApprovalNotifier? notifier = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = store.Database;
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
        var found = await SelectAsync("id = @id", p => p.AddWithValue("@id", id), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApprovalRequest>> ListAsync(ReviewState? state, CancellationToken cancellationToken)
    {
        // A stored 'pending' row may read as timed out, so that filter is applied after the timeout is.
        var all = await SelectAsync("1 = 1", _ => { }, cancellationToken).ConfigureAwait(false);
        return state is null ? all : [.. all.Where(r => r.State == state)];
    }

    /// <inheritdoc />
    public Task<ReviewPage<ApprovalRequest>> ListPageAsync(ReviewState? state, string? after, int limit, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var where = state switch
        {
            null => "1 = 1",
            ReviewState.Pending => ReviewPaging.Pending,
            ReviewState.TimedOut => "state = 'timed_out' OR (state = 'pending' AND deadline_ticks <= @now)",
            _ => "state = @state",
        };
        return _database.ReadAsync(
            async (connection, ct) =>
            {
                var page = await ReviewPaging.PageAsync(
                    connection,
                    ApprovalTable.Instance,
                    "approvals",
                    where,
                    p =>
                    {
                        p.AddWithValue("@now", now.UtcTicks);
                        p.AddWithValue("@state", state is { } s ? ReviewColumns.StateText(s) : "");
                    },
                    after,
                    limit,
                    ct).ConfigureAwait(false);
                return page with { Items = [.. page.Items.Select(r => r.AsOf(now))] };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ApprovalRequest?> FindPendingAsync(string digest, string requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var now = _time.GetUtcNow();
        var found = await SelectAsync(
            $"{ReviewPaging.Pending} AND digest = @digest AND requester = @requester",
            p =>
            {
                p.AddWithValue("@digest", digest.ToLowerInvariant());
                p.AddWithValue("@requester", requester);
                p.AddWithValue("@now", now.UtcTicks);
            },
            cancellationToken).ConfigureAwait(false);
        return found.FirstOrDefault(r => r.State == ReviewState.Pending);
    }

    /// <inheritdoc />
    public Task<int> CountPendingAsync(string requester, CancellationToken cancellationToken) =>
        ReviewCounts.PendingAsync(_database, "approvals", requester, _time.GetUtcNow(), cancellationToken);

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
    public async Task<ApprovalRequest?> FindValidApprovalAsync(string digest, string requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var now = _time.GetUtcNow();
        var found = await SelectAsync(
            "state = 'approved' AND digest = @digest AND requester = @requester AND expires_ticks > @now",
            p =>
            {
                p.AddWithValue("@digest", digest.ToLowerInvariant());
                p.AddWithValue("@requester", requester);
                p.AddWithValue("@now", now.UtcTicks);
            },
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

    private Task<List<ApprovalRequest>> SelectAsync(
        string where, Action<Microsoft.Data.Sqlite.SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return _database.ReadAsync(
            async (connection, ct) =>
            {
                var rows = await ApprovalTable.Instance.SelectAsync(connection, null, where, bind, ct).ConfigureAwait(false);
                return rows.ConvertAll(r => r.AsOf(now));
            },
            cancellationToken);
    }

    private async Task NotifyAsync(IReadOnlyList<ReviewEvent> events, CancellationToken cancellationToken)
    {
        foreach (var id in events.Where(e => e.Kind != ReviewEventKind.Reviewed).Select(e => e.Id).Distinct())
        {
            await _notifier.NotifyAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }
}
