using System.Data.Common;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Retention;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Retention;

/// <summary>Finds expired exchanges and removes their bodies or reduces their entries to tombstones, honouring holds.</summary>
/// <remarks>
/// Candidates come from the connection's intents (the partial index on connection and sequence); an exchange's other
/// entries share its id (index on exchange id). Each removal locks the log (no append, hold or part write runs beside
/// it) and re-reads which candidates are still free of a hold inside its own transaction, so a hold committed before
/// the removal started always wins.
/// </remarks>
internal static class RetentionRows
{
    // A body is inline (written before parts) or a list of part references.
    private const string HasBody = "(e.body IS NOT NULL OR EXISTS (SELECT 1 FROM audit_entry_parts r WHERE r.seq = e.seq))";

    private const string HeldSql = """
        EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_ticks IS NULL
            AND ((h.target_kind = 'exchange' AND h.target = i.exchange_id)
              OR (h.target_kind = 'user' AND (h.target = i.subject OR h.target = i.email))))
        """;

    private const string FindSql = $"""
        SELECT i.seq, i.exchange_id, {HeldSql},
            (SELECT max(e.seq) FROM audit_entries e WHERE e.exchange_id = i.exchange_id),
            (SELECT count(*) FROM audit_entries e WHERE e.exchange_id = i.exchange_id),
            (SELECT count(*) FROM audit_entries e WHERE e.exchange_id = i.exchange_id AND {HasBody})
        FROM audit_entries i
        WHERE i.kind = '{AuditEntryKinds.Intent}' AND i.connection = @connection AND i.time_ticks < @before AND i.seq > @after
        """;

    private const string HasBodySql = $" AND EXISTS (SELECT 1 FROM audit_entries e WHERE e.exchange_id = i.exchange_id AND {HasBody})";

    private const string EndedSql = $" AND EXISTS (SELECT 1 FROM audit_entries e WHERE e.exchange_id = i.exchange_id AND e.kind IN ('{AuditEntryKinds.Outcome}', '{AuditEntryKinds.Interrupted}'))";

    // A refusal's entry stands alone: its request id is its exchange id, and only a hold on that id keeps it.
    private const string RefusalsSql = $"""
        SELECT i.seq, i.exchange_id, {HeldSql}, i.seq, 1, 0
        FROM audit_entries i
        WHERE i.kind = '{AuditEntryKinds.SignInFailed}' AND i.time_ticks < @before AND i.seq > @after
        """;

    private const string NotBeyondSql = " AND NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.exchange_id = i.exchange_id AND e.seq > @covered)";

    public static Task<RetentionCandidates> FindAsync(IRelationalDatabase database, RetentionWindow window, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = window.Phase == RetentionPhase.Refusals
                    ? RefusalsSql + " ORDER BY i.seq LIMIT @limit"
                    : FindSql + (window.Phase == RetentionPhase.Bodies ? HasBodySql : EndedSql)
                        + (window.NotBefore is null ? "" : " AND i.time_ticks >= @from") + " ORDER BY i.seq LIMIT @limit";
                if (window.NotBefore is { } from)
                {
                    command.Add("@from", from.UtcTicks);
                }

                if (window.Phase != RetentionPhase.Refusals)
                {
                    command.Add("@connection", window.Connection);
                }

                command.Add("@before", window.Before.UtcTicks);
                command.Add("@after", window.AfterSequence);
                command.Add("@limit", (long)window.Limit);
                using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var ids = new List<string>();
                var (scanned, held, last, lastEntry, entries, bodies) = (0, 0, window.AfterSequence, 0L, 0L, 0L);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    scanned++;
                    last = reader.GetInt64(0);
                    if (reader.GetBoolean(2))
                    {
                        held++;
                        continue;
                    }

                    ids.Add(reader.GetString(1));
                    lastEntry = Math.Max(lastEntry, reader.GetInt64(3));
                    entries += reader.GetInt64(4);
                    bodies += reader.GetInt64(5);
                }

                return new RetentionCandidates(ids, scanned, last, lastEntry, entries, bodies, held);
            },
            cancellationToken);

    public static Task<long> RemoveBodiesAsync(
        IRelationalDatabase database, IRetentionPurge purge, IReadOnlyList<string> exchangeIds, CancellationToken cancellationToken) =>
        ChangeAsync(
            database,
            purge,
            exchangeIds,
            null,
            $"UPDATE audit_entries SET body = NULL WHERE exchange_id IN {database.TextSet("@ids")} AND body IS NOT NULL",
            cancellationToken);

    public static Task<long> TombstoneAsync(
        IRelationalDatabase database, IRetentionPurge purge, IReadOnlyList<string> exchangeIds, long coveredThrough, CancellationToken cancellationToken) =>
        ChangeAsync(
            database,
            purge,
            exchangeIds,
            coveredThrough,
            $"""
            UPDATE audit_entries SET kind = '{RetentionEntryKinds.Tombstone}', exchange_id = '', subject = NULL, email = NULL,
                connection = NULL, model = NULL, status = NULL, decision = NULL, payload = @empty, body = NULL, body_hash = NULL
            WHERE exchange_id IN {database.TextSet("@ids")}
            """,
            cancellationToken);

    private static Task<long> ChangeAsync(
        IRelationalDatabase database, IRetentionPurge purge, IReadOnlyList<string> exchangeIds, long? covered, string changeSql, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await database.LockLogAsync(connection, transaction, ct).ConfigureAwait(false);
                var free = await SelectFreeAsync(database, connection, transaction, exchangeIds, covered, ct).ConfigureAwait(false);
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.Add("@ids", database.TextSetValue(free));
                var partedBodies = await purge.PurgeAsync(command, records: covered is not null, ct).ConfigureAwait(false);
                command.CommandText = changeSql;
                command.Add("@empty", Array.Empty<byte>());
                var changed = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);

                // Removing bodies counts bodies (inline ones changed a row, parted ones lost their references); a
                // tombstone run counts entries.
                return covered is null ? changed + partedBodies : changed;
            },
            cancellationToken);

    private static async Task<List<string>> SelectFreeAsync(
        IRelationalDatabase database, DbConnection connection, DbTransaction transaction, IReadOnlyList<string> exchangeIds, long? covered, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT i.exchange_id FROM audit_entries i
            WHERE i.exchange_id IN {database.TextSet("@ids")} AND i.kind IN ('{AuditEntryKinds.Intent}', '{AuditEntryKinds.SignInFailed}') AND NOT {HeldSql}
            """ + (covered is null ? "" : NotBeyondSql);
        command.Add("@ids", database.TextSetValue(exchangeIds));
        if (covered is { } through)
        {
            command.Add("@covered", through);
        }

        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var free = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            free.Add(reader.GetString(0));
        }

        return free;
    }
}
