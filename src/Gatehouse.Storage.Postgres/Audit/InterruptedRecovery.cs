using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Closes every intent that never got an outcome, because its process stopped while it was in flight.</summary>
/// <remarks>
/// Until writer leases exist this closes every open intent, whoever wrote it, exactly as the embedded store does: it
/// is correct for one gateway process per database. With several, it must close only the intents of writers whose
/// lease has expired (the <c>writer_id</c> column is there for it); see docs/designs/postgres-store.md.
/// </remarks>
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

    public static async Task<int> RecoverAsync(NpgsqlConnection connection, string writerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var drafts = new List<AuditEntryDraft>();
        using (var command = new NpgsqlCommand(OpenIntentsSql, connection))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                drafts.Add(AuditEntryCodec.ForInterrupted(reader.GetString(0), now));
            }
        }

        await Appender.AppendAsync(connection, writerId, drafts, cancellationToken).ConfigureAwait(false);
        return drafts.Count;
    }
}
