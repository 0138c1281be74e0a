using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Sqlite.Database;
using Gatehouse.Storage.Sqlite.Integrity;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Approvals;

/// <summary>Read-decide-write of one request in one immediate transaction, guarded by the row's version.</summary>
/// <remarks>
/// BEGIN IMMEDIATE takes the file's write lock before the read, so a reviewer going through another process waits
/// for this one and then reads its result: no review is lost and only one of them resolves the request. The
/// conditional UPDATE on the version is the same guard a server database without that lock relies on; here a
/// mismatch would mean the lock failed, a broken invariant, so it throws. Every write seals the row it changed into
/// the audit chain in the same transaction (see <see cref="RowSeals"/>).
/// </remarks>
internal static class ReviewWrites
{
    public static Task InsertAsync<T>(SqliteDatabase database, IReviewTable<T> table, T item, CancellationToken cancellationToken)
        where T : class, IReviewable =>
        database.WriteAsync(
            async (connection, ct) =>
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                await table.InsertAsync(connection, transaction, item, ct).ConfigureAwait(false);
                await RowSeals.AppendAsync(connection, transaction, table.Name, item.Id, item.CreatedAt, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public static Task<ReviewResult<T>> ChangeAsync<T>(
        SqliteDatabase database, IReviewTable<T> table, string id, Func<T, ReviewResult<T>> change, CancellationToken cancellationToken)
        where T : class, IReviewable =>
        database.WriteAsync(
            async (connection, ct) =>
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                var found = await table.SelectAsync(connection, transaction, "id = @id", p => p.AddWithValue("@id", id), ct).ConfigureAwait(false);
                if (found.Count == 0)
                {
                    return ReviewResult<T>.NotFound;
                }

                var result = change(found[0]);
                await SaveAsync(connection, transaction, table, found[0], result, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return result;
            },
            cancellationToken);

    public static Task<ReviewResult<T>> ReviewAsync<T>(
        SqliteDatabase database,
        IReviewTable<T> table,
        string id,
        Principal reviewer,
        ReviewDecision decision,
        string? justification,
        DateTimeOffset now,
        CancellationToken cancellationToken)
        where T : class, IReviewable =>
        ChangeAsync(
            database,
            table,
            id,
            item =>
            {
                var transition = ReviewProcess.Review(item, reviewer, decision, justification, now);
                return new ReviewResult<T>(table.Apply(item, transition), transition.Error, transition.Events);
            },
            cancellationToken);

    public static Task<IReadOnlyList<ReviewEvent>> SweepAsync<T>(
        SqliteDatabase database, IReviewTable<T> table, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class, IReviewable =>
        database.WriteAsync<IReadOnlyList<ReviewEvent>>(
            async (connection, ct) =>
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                var overdue = await table.SelectAsync(
                    connection, transaction, "state = 'pending' AND deadline_ticks <= @now", p => p.AddWithValue("@now", now.UtcTicks), ct).ConfigureAwait(false);
                var events = new List<ReviewEvent>();
                foreach (var item in overdue)
                {
                    var transition = ReviewProcess.TimeOut(item, now);
                    var result = new ReviewResult<T>(table.Apply(item, transition), null, transition.Events);
                    await SaveAsync(connection, transaction, table, item, result, ct).ConfigureAwait(false);
                    events.AddRange(result.Events);
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return events;
            },
            cancellationToken);

    private static async Task SaveAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, IReviewTable<T> table, T before, ReviewResult<T> result, CancellationToken cancellationToken)
        where T : class, IReviewable
    {
        if (result.Events.Count == 0)
        {
            return;
        }

        if (!await table.UpdateAsync(connection, transaction, before, result.Value!, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("A reviewed request changed while its write lock was held.");
        }

        await ReviewRows.InsertNewAsync(connection, transaction, before.Id, result.Value!.Reviews, before.Reviews.Count, cancellationToken).ConfigureAwait(false);
        await RowSeals.AppendAsync(connection, transaction, table.Name, before.Id, result.Events[^1].At, cancellationToken).ConfigureAwait(false);
    }
}
