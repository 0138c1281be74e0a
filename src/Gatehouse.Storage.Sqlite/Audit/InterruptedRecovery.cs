using Gatehouse.Storage.Relational.Audit;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Closes every intent that never got an outcome, because the process stopped while it was in flight.</summary>
internal static class InterruptedRecovery
{
    /// <summary>Appends the interruption entries; the caller holds the write lock.</summary>
    public static async Task<int> RecoverAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var drafts = await OpenIntents.InterruptionsAsync(connection, now, null, cancellationToken).ConfigureAwait(false);
        await AuditAppender.AppendAsync(connection, drafts, cancellationToken).ConfigureAwait(false);
        return drafts.Count;
    }
}
