using System.Text.Json;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Retention;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Retention;

/// <summary>Finds expired exchanges and removes their bodies or reduces their entries to tombstones, honouring holds.</summary>
/// <remarks>
/// Candidates come from the connection's intents (the partial index on connection and sequence); an exchange's other
/// entries share its id (index on exchange id). Each removal re-reads which candidates are still free of a hold inside
/// its own transaction.
/// </remarks>
internal static class RetentionTable
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

    private const string FreeSql = $"""
        SELECT i.exchange_id FROM audit_entries i
        WHERE i.exchange_id IN (SELECT value FROM json_each(@ids)) AND i.kind IN ('{AuditEntryKinds.Intent}', '{AuditEntryKinds.SignInFailed}') AND NOT {HeldSql}
        """;

    private const string NotBeyondSql = " AND NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.exchange_id = i.exchange_id AND e.seq > @covered)";

    private const string RemoveBodiesSql = "UPDATE audit_entries SET body = NULL WHERE exchange_id IN (SELECT value FROM json_each(@ids)) AND body IS NOT NULL";

    private const string TombstoneSql = $"""
        UPDATE audit_entries SET kind = '{RetentionEntryKinds.Tombstone}', exchange_id = '', subject = NULL, email = NULL,
            connection = NULL, model = NULL, status = NULL, decision = NULL, payload = x'', body = NULL, body_hash = NULL
        WHERE exchange_id IN (SELECT value FROM json_each(@ids))
        """;

    public static async Task<RetentionCandidates> FindAsync(SqliteConnection connection, RetentionWindow window, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = window.Phase == RetentionPhase.Refusals
            ? RefusalsSql + " ORDER BY i.seq LIMIT @limit"
            : FindSql + (window.Phase == RetentionPhase.Bodies ? HasBodySql : EndedSql)
                + (window.NotBefore is null ? "" : " AND i.time_ticks >= @from") + " ORDER BY i.seq LIMIT @limit";
        command.Parameters.AddWithValue("@from", window.NotBefore?.UtcTicks ?? 0);
        command.Parameters.AddWithValue("@connection", window.Connection);
        command.Parameters.AddWithValue("@before", window.Before.UtcTicks);
        command.Parameters.AddWithValue("@after", window.AfterSequence);
        command.Parameters.AddWithValue("@limit", window.Limit);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        var (scanned, held, last, lastEntry, entries, bodies) = (0, 0, window.AfterSequence, 0L, 0L, 0L);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
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
    }

    public static Task<long> RemoveBodiesAsync(SqliteConnection connection, IReadOnlyList<string> exchangeIds, CancellationToken cancellationToken)
        => ChangeAsync(connection, exchangeIds, FreeSql, null, RemoveBodiesSql, cancellationToken);

    public static Task<long> TombstoneAsync(
        SqliteConnection connection, IReadOnlyList<string> exchangeIds, long coveredThrough, CancellationToken cancellationToken)
        => ChangeAsync(connection, exchangeIds, FreeSql + NotBeyondSql, coveredThrough, TombstoneSql, cancellationToken);

    private static async Task<long> ChangeAsync(
        SqliteConnection connection, IReadOnlyList<string> exchangeIds, string freeSql, long? covered, string changeSql, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var free = await SelectFreeAsync(connection, transaction, exchangeIds, freeSql, covered, cancellationToken).ConfigureAwait(false);
            var freeJson = JsonSerializer.Serialize(free, RetentionSqlJsonContext.Default.ListString);
            await RetentionSearchPurge.PurgeAsync(connection, transaction, freeJson, records: covered is not null, cancellationToken).ConfigureAwait(false);
            var partedBodies = await RetentionPartPurge.PurgeAsync(connection, transaction, freeJson, cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = changeSql;
            command.Parameters.AddWithValue("@ids", freeJson);
            var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

            // Removing bodies counts bodies (inline ones changed a row, parted ones lost their references); a tombstone
            // run counts entries.
            return covered is null ? changed + partedBodies : changed;
        }
    }

    private static async Task<List<string>> SelectFreeAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> exchangeIds, string freeSql, long? covered, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = freeSql;
        command.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(exchangeIds, RetentionSqlJsonContext.Default.IReadOnlyListString));
        if (covered is { } through)
        {
            command.Parameters.AddWithValue("@covered", through);
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
