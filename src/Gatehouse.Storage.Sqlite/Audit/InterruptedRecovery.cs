using Gatehouse.Storage.Relational.Audit;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Closes every intent that never got an outcome, because the process stopped while it was in flight.</summary>
/// <remarks>
/// The open intents are found and closed in one immediate transaction (SQLite's write lock is taken at its start), so
/// a second store on the same file, in this process or another, waits and then finds them closed: never two
/// interruptions for one exchange.
/// </remarks>
internal static class InterruptedRecovery
{
    /// <summary>Appends the interruption entries; the caller holds the write lock.</summary>
    public static async Task<int> RecoverAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var drafts = await OpenIntents.InterruptionsAsync(connection, transaction, now, null, cancellationToken).ConfigureAwait(false);
            if (drafts.Count > 0)
            {
                await AuditAppender.AppendInAsync(connection, transaction, drafts, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return drafts.Count;
        }
    }
}
