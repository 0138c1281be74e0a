using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Closes every intent that never got an outcome, because the process stopped while it was in flight.</summary>
internal static class InterruptedRecovery
{
    private const string OpenIntentsSql = $"""
        SELECT i.exchange_id FROM audit_entries i
        WHERE i.kind = '{AuditEntryKinds.Intent}'
          AND NOT EXISTS (
            SELECT 1 FROM audit_entries e
            WHERE e.exchange_id = i.exchange_id
              AND e.kind IN ('{AuditEntryKinds.Outcome}', '{AuditEntryKinds.Interrupted}'))
        ORDER BY i.seq
        """;

    /// <summary>Appends the interruption entries; the caller holds the write lock.</summary>
    public static async Task<int> RecoverAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var drafts = new List<AuditEntryDraft>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = OpenIntentsSql;
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                drafts.Add(AuditEntryCodec.ForInterrupted(reader.GetString(0), now));
            }
        }

        await AuditAppender.AppendAsync(connection, drafts, cancellationToken).ConfigureAwait(false);
        return drafts.Count;
    }
}
