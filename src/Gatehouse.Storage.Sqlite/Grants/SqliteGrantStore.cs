using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Sqlite.Approvals;
using Gatehouse.Storage.Sqlite.Database;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Grants;

/// <summary>Just-in-time access grants in the embedded store's database file.</summary>
/// <remarks>Shares the <see cref="SqliteStore"/>'s writer connection and lock; changes run like approvals' (see <c>ReviewWrites</c>).</remarks>
public sealed class SqliteGrantStore : IGrantStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public SqliteGrantStore(SqliteStore store, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = store.Database;
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
        (await SelectAsync("id = @id", p => p.AddWithValue("@id", id), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<AccessGrant>> ListAsync(string? subject, CancellationToken cancellationToken) =>
        subject is null
            ? await SelectAsync("1 = 1", _ => { }, cancellationToken).ConfigureAwait(false)
            : await SelectAsync("requester = @subject", p => p.AddWithValue("@subject", subject), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<ReviewPage<AccessGrant>> ListPageAsync(bool pendingOnly, string? after, int limit, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return _database.ReadAsync(
            async (connection, ct) =>
            {
                var page = await ReviewPaging.PageAsync(
                    connection, GrantTable.Instance, "grants", pendingOnly ? ReviewPaging.Pending : "1 = 1", p => p.AddWithValue("@now", now.UtcTicks), after, limit, ct)
                    .ConfigureAwait(false);
                return page with { Items = [.. page.Items.Select(g => g.AsOf(now))] };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountPendingAsync(string subject, CancellationToken cancellationToken) =>
        ReviewCounts.PendingAsync(_database, "grants", subject, _time.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    public Task<ReviewResult<AccessGrant>> ReviewAsync(
        string id, Principal reviewer, ReviewDecision decision, string? justification, CancellationToken cancellationToken) =>
        ReviewWrites.ReviewAsync(_database, GrantTable.Instance, id, reviewer, decision, justification, _time.GetUtcNow(), cancellationToken);

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
                    GROUP BY connection ORDER BY connection
                    """);
                command.Parameters.AddWithValue("@subject", subject);
                command.Parameters.AddWithValue("@now", now.UtcTicks);
                var grants = new List<ActiveGrant>();
                using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    grants.Add(new ActiveGrant(reader.GetString(0), ReviewColumns.Time(reader, 1)));
                }

                return grants;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewEvent>> SweepAsync(CancellationToken cancellationToken) =>
        ReviewWrites.SweepAsync(_database, GrantTable.Instance, _time.GetUtcNow(), cancellationToken);

    private Task<List<AccessGrant>> SelectAsync(string where, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return _database.ReadAsync(
            async (connection, ct) =>
                (await GrantTable.Instance.SelectAsync(connection, null, where, bind, ct).ConfigureAwait(false)).ConvertAll(g => g.AsOf(now)),
            cancellationToken);
    }
}
