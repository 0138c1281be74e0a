using System.Data.Common;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Storage.Relational.Commands;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>Finds every intent that never got an outcome, because its process stopped while it was in flight.</summary>
/// <remarks>
/// The provider appends the returned interruption entries through its own appender in the same transaction as this
/// query, holding a lock that serialises recoveries, so two replicas starting together never both close one intent.
/// </remarks>
internal static class OpenIntents
{
    private const string OpenIntentsSql = $"""
        SELECT i.exchange_id FROM audit_entries i
        WHERE i.kind = '{AuditEntryKinds.Intent}'
          AND NOT EXISTS (
            SELECT 1 FROM audit_entries e
            WHERE e.exchange_id = i.exchange_id
              AND e.kind IN ('{AuditEntryKinds.Outcome}', '{AuditEntryKinds.Interrupted}'))
        """;

    /// <summary>Returns the entries that close each open intent as interrupted at <paramref name="now"/>, in log order.</summary>
    /// <remarks>
    /// <paramref name="alsoWhere"/> narrows the intents further (SQL over the intent <c>i</c>, which may use <c>@now</c>, the
    /// time in UTC ticks): a provider that tracks writers keeps the intents of writers still alive.
    /// </remarks>
    public static async Task<List<AuditEntryDraft>> InterruptionsAsync(
        DbConnection connection, DbTransaction transaction, DateTimeOffset now, string? alsoWhere, CancellationToken cancellationToken)
    {
        var drafts = new List<AuditEntryDraft>();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = OpenIntentsSql + (alsoWhere is null ? "" : " AND " + alsoWhere) + " ORDER BY i.seq";
        if (alsoWhere is not null)
        {
            command.Add("@now", now.UtcTicks);
        }

        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            drafts.Add(AuditEntryCodec.ForInterrupted(reader.GetString(0), now));
        }

        return drafts;
    }
}
