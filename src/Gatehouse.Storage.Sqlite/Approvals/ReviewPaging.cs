using Gatehouse.Storage.Approvals;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Approvals;

/// <summary>
/// Keyset paging over a review table, newest first: the cursor is the last item's id, and the next page starts below
/// its (created, rowid) position, so rows created meanwhile neither shift nor repeat a page.
/// </summary>
internal static class ReviewPaging
{
    /// <summary>The SQL that a pending row (as of <c>@now</c>) satisfies: stored pending and not yet past its deadline.</summary>
    public const string Pending = "state = 'pending' AND deadline_ticks > @now";

    public static async Task<ReviewPage<T>> PageAsync<T>(
        SqliteConnection connection, IReviewTable<T> table, string tableName, string where, Action<SqliteParameterCollection> bind,
        string? after, int limit, CancellationToken cancellationToken)
        where T : class, IReviewable
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (after is not null)
        {
            where = $"({where}) AND (created_ticks, rowid) < (SELECT created_ticks, rowid FROM {tableName} WHERE id = @after)";
        }

        var rows = await table.SelectAsync(
            connection,
            null,
            where,
            p =>
            {
                bind(p);
                if (after is not null)
                {
                    p.AddWithValue("@after", after);
                }
            },
            cancellationToken,
            limit + 1).ConfigureAwait(false);
        return rows.Count > limit ? new ReviewPage<T>(rows[..limit], rows[limit - 1].Id) : new ReviewPage<T>(rows, null);
    }
}
