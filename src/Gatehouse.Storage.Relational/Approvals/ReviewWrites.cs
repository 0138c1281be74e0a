using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Approvals;

/// <summary>Read-decide-write of one request in one write transaction, guarded by the row's version.</summary>
/// <remarks>
/// The request is read with its rows locked for the transaction (SQLite's immediate transaction holds the file's write
/// lock; PostgreSQL's <c>FOR UPDATE</c> the row's), so a reviewer going through another process or replica waits for
/// this one and then reads its result: no review is lost and only one of them resolves the request. The conditional
/// UPDATE on the version is the guard beneath the lock; a mismatch would mean the lock failed, a broken invariant, so
/// it throws. Every write seals the row it changed into the audit chain in the same transaction.
/// </remarks>
internal static class ReviewWrites
{
    public static Task InsertAsync<T>(IRelationalDatabase database, IReviewTable<T> table, T item, CancellationToken cancellationToken)
        where T : class, IReviewable =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await table.InsertAsync(connection, transaction, item, ct).ConfigureAwait(false);
                await database.SealAsync(connection, transaction, table.Name, item.Id, item.CreatedAt, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public static Task<ReviewResult<T>> ChangeAsync<T>(
        IRelationalDatabase database, IReviewTable<T> table, string id, Func<T, ReviewResult<T>> change, CancellationToken cancellationToken)
        where T : class, IReviewable =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var query = new ReviewQuery("id = @id", c => c.Add("@id", id), LockRows: true);
                var found = await table.SelectAsync(database, connection, transaction, query, ct).ConfigureAwait(false);
                if (found.Count == 0)
                {
                    return ReviewResult<T>.NotFound;
                }

                var result = change(found[0]);
                await SaveAsync(database, connection, transaction, table, found[0], result, ct).ConfigureAwait(false);
                return result;
            },
            cancellationToken);

    public static Task<ReviewResult<T>> ReviewAsync<T>(
        IRelationalDatabase database,
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

    public static Task<ReviewResult<T>> CancelAsync<T>(
        IRelationalDatabase database, IReviewTable<T> table, string id, Principal requester, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class, IReviewable =>
        ChangeAsync(
            database,
            table,
            id,
            item =>
            {
                var transition = ReviewProcess.Cancel(item, requester, now);
                return new ReviewResult<T>(table.Apply(item, transition), transition.Error, transition.Events);
            },
            cancellationToken);

    public static Task<IReadOnlyList<ReviewEvent>> SweepAsync<T>(
        IRelationalDatabase database, IReviewTable<T> table, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class, IReviewable =>
        database.WriteAsync<IReadOnlyList<ReviewEvent>>(
            async (connection, transaction, ct) =>
            {
                var query = new ReviewQuery("state = 'pending' AND deadline_ticks <= @now", c => c.Add("@now", now.UtcTicks), LockRows: true);
                var overdue = await table.SelectAsync(database, connection, transaction, query, ct).ConfigureAwait(false);
                var events = new List<ReviewEvent>();
                foreach (var item in overdue)
                {
                    var transition = ReviewProcess.TimeOut(item, now);
                    var result = new ReviewResult<T>(table.Apply(item, transition), null, transition.Events);
                    await SaveAsync(database, connection, transaction, table, item, result, ct).ConfigureAwait(false);
                    events.AddRange(result.Events);
                }

                return events;
            },
            cancellationToken);

    private static async Task SaveAsync<T>(
        IRelationalDatabase database,
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction,
        IReviewTable<T> table,
        T before,
        ReviewResult<T> result,
        CancellationToken cancellationToken)
        where T : class, IReviewable
    {
        if (result.Events.Count == 0)
        {
            return;
        }

        if (!await table.UpdateAsync(connection, transaction, before, result.Value!, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("A reviewed request changed while its row was locked.");
        }

        await ReviewRows.InsertNewAsync(connection, transaction, before.Id, result.Value!.Reviews, before.Reviews.Count, cancellationToken).ConfigureAwait(false);
        await database.SealAsync(connection, transaction, table.Name, before.Id, result.Events[^1].At, cancellationToken).ConfigureAwait(false);
    }
}
