using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Relational.Approvals;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Grants;

/// <summary>Just-in-time access grants in a relational store: the one implementation both providers derive from.</summary>
/// <remarks>Changes run like approvals' (see <c>ReviewWrites</c>): one write transaction that locks the grant and seals it.</remarks>
public abstract class RelationalGrantStore : IGrantStore
{
    private readonly IRelationalDatabase _database;
    private readonly TimeProvider _time;

    private protected RelationalGrantStore(IRelationalDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _time = timeProvider;
    }

    /// <inheritdoc />
    public async Task<ReviewResult<AccessGrant>> RequestAsync(GrantDraft draft, CancellationToken cancellationToken)
    {
        var grant = AccessGrant.Open(draft, _time.GetUtcNow());
        await ReviewWrites.InsertAsync(_database, GrantTable.Instance, grant, cancellationToken).ConfigureAwait(false);
        return new ReviewResult<AccessGrant>(grant, null, [ReviewProcess.Opened(grant)]);
    }

    /// <inheritdoc />
    public async Task<AccessGrant?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await SelectAsync(new ReviewQuery("id = @id", c => c.Add("@id", id)), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<AccessGrant>> ListAsync(string? subject, CancellationToken cancellationToken) =>
        await SelectAsync(
            subject is null ? ReviewQuery.All : new ReviewQuery("requester = @subject", c => c.Add("@subject", subject)),
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<ReviewPage<AccessGrant>> ListPageAsync(bool pendingOnly, string? after, int limit, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var query = pendingOnly ? new ReviewQuery(ReviewPaging.Pending, static _ => { }) : ReviewQuery.All;
        return ReviewPaging.PageAsync(_database, GrantTable.Instance, query, after, limit, now, g => g.AsOf(now), cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountPendingAsync(string subject, CancellationToken cancellationToken) =>
        ReviewPaging.CountPendingAsync(_database, GrantTable.TableName, subject, _time.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    public Task<ReviewResult<AccessGrant>> ReviewAsync(
        string id, Principal reviewer, ReviewDecision decision, string? justification, CancellationToken cancellationToken) =>
        ReviewWrites.ReviewAsync(_database, GrantTable.Instance, id, reviewer, decision, justification, _time.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    public Task<ReviewResult<AccessGrant>> CancelAsync(string id, Principal requester, CancellationToken cancellationToken) =>
        ReviewWrites.CancelAsync(_database, GrantTable.Instance, id, requester, _time.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    public Task<ReviewResult<AccessGrant>> RevokeAsync(string id, Principal revoker, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return ReviewWrites.ChangeAsync(_database, GrantTable.Instance, id, grant => grant.Revoke(revoker, now), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ActiveGrantsAsync(string subject, CancellationToken cancellationToken) =>
        [.. (await ActiveAsync(subject, cancellationToken).ConfigureAwait(false)).Select(g => g.Connection)];

    /// <inheritdoc />
    public Task<IReadOnlyList<ActiveGrant>> ActiveAsync(string subject, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return _database.ReadAsync<IReadOnlyList<ActiveGrant>>(
            async (connection, ct) =>
            {
                using var command = ReviewColumns.Command(connection, null, """
                    SELECT connection, MAX(ends_ticks) FROM grants
                    WHERE requester = @subject AND state = 'approved' AND revoked_ticks IS NULL AND ends_ticks > @now
                    GROUP BY connection
                    """);
                command.Add("@subject", subject);
                command.Add("@now", now.UtcTicks);
                var grants = new List<ActiveGrant>();
                using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    grants.Add(new ActiveGrant(reader.GetString(0), ReviewColumns.Time(reader, 1)));
                }

                // Sorted here, by ordinal, so the order does not depend on the database's collation.
                grants.Sort(static (a, b) => string.CompareOrdinal(a.Connection, b.Connection));
                return grants;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewEvent>> SweepAsync(CancellationToken cancellationToken) =>
        ReviewWrites.SweepAsync(_database, GrantTable.Instance, _time.GetUtcNow(), cancellationToken);

    private Task<List<AccessGrant>> SelectAsync(ReviewQuery query, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return ReviewPaging.SelectAsync(_database, GrantTable.Instance, query, g => g.AsOf(now), cancellationToken);
    }
}
