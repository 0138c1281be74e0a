using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Approvals;

/// <summary>
/// Keyset paging over a review table, newest first: the cursor is the last item's id, and the next page starts below
/// its (created, rowid) position, so rows created meanwhile neither shift nor repeat a page.
/// </summary>
internal static class ReviewPaging
{
    /// <summary>The SQL that a pending row (as of <c>@now</c>) satisfies: stored pending and not yet past its deadline.</summary>
    public const string Pending = "state = 'pending' AND deadline_ticks > @now";

    public static Task<ReviewPage<T>> PageAsync<T>(
        IRelationalDatabase database, IReviewTable<T> table, ReviewQuery query, string? after, int limit, DateTimeOffset now, Func<T, T> asOf,
        CancellationToken cancellationToken)
        where T : class, IReviewable
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var where = after is null
            ? query.Where
            : $"({query.Where}) AND (created_ticks, rowid) < (SELECT created_ticks, rowid FROM {table.Name} WHERE id = @after)";
        var page = query with
        {
            Where = where,
            Limit = limit + 1,
            Bind = c =>
            {
                query.Bind(c);
                c.Add("@now", now.UtcTicks);
                if (after is not null)
                {
                    c.Add("@after", after);
                }
            },
        };
        return database.ReadAsync(
            async (connection, ct) =>
            {
                var rows = (await table.SelectAsync(database, connection, null, page, ct).ConfigureAwait(false)).ConvertAll(r => asOf(r));
                return rows.Count > limit ? new ReviewPage<T>(rows[..limit], rows[limit - 1].Id) : new ReviewPage<T>(rows, null);
            },
            cancellationToken);
    }

    /// <summary>Counts one requester's pending rows, for the per-caller caps.</summary>
    public static Task<int> CountPendingAsync(
        IRelationalDatabase database, string tableName, string requester, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = ReviewColumns.Command(connection, null, $"SELECT count(*) FROM {tableName} WHERE requester = @requester AND {Pending}");
                command.Add("@requester", requester);
                command.Add("@now", now.UtcTicks);
                return Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken);

    /// <summary>Reads the rows <paramref name="query"/> selects, each through <paramref name="asOf"/> (the timeout applied).</summary>
    public static Task<List<T>> SelectAsync<T>(
        IRelationalDatabase database, IReviewTable<T> table, ReviewQuery query, Func<T, T> asOf, CancellationToken cancellationToken)
        where T : class, IReviewable =>
        database.ReadAsync(
            async (connection, ct) => (await table.SelectAsync(database, connection, null, query, ct).ConfigureAwait(false)).ConvertAll(r => asOf(r)),
            cancellationToken);
}
