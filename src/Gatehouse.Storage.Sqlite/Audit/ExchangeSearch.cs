using System.Text;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Finds exchanges: each intent joined to the first entry that ended it, newest first, keyset-paged.</summary>
internal static class ExchangeSearch
{
    public const int MaxLimit = 1000;

    private const string Select = $"""
        SELECT i.seq, i.payload, i.body, o.seq, o.kind, o.payload, o.body
        FROM audit_entries i
        LEFT JOIN audit_entries o ON o.seq = (
            SELECT min(e.seq) FROM audit_entries e
            WHERE e.exchange_id = i.exchange_id
              AND e.kind IN ('{AuditEntryKinds.Outcome}', '{AuditEntryKinds.Interrupted}'))
        WHERE i.kind = '{AuditEntryKinds.Intent}'
        """;

    public static async Task<ExchangePage> SearchAsync(SqliteConnection connection, ExchangeQuery query, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        using var command = connection.CreateCommand();
        var sql = new StringBuilder(Select);
        AddFilters(command, sql, query);
        sql.Append(" ORDER BY i.seq DESC LIMIT @limit");
        command.Parameters.AddWithValue("@limit", limit + 1);
        command.CommandText = sql.ToString();

        var items = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        if (items.Count <= limit)
        {
            return new ExchangePage(items, null);
        }

        items.RemoveAt(limit);
        return new ExchangePage(items, items[^1].IntentSequence);
    }

    public static async Task<ExchangeRecord?> GetAsync(SqliteConnection connection, string exchangeId, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Select + " AND i.exchange_id = @id ORDER BY i.seq LIMIT 1";
        command.Parameters.AddWithValue("@id", exchangeId);
        var items = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return items.Count == 0 ? null : items[0];
    }

    private static void AddFilters(SqliteCommand command, StringBuilder sql, ExchangeQuery query)
    {
        var parameters = command.Parameters;
        if (query.User is not null)
        {
            sql.Append(" AND (i.subject = @user OR i.email = @user)");
            parameters.AddWithValue("@user", query.User);
        }

        if (query.Connection is not null)
        {
            sql.Append(" AND i.connection = @connection");
            parameters.AddWithValue("@connection", query.Connection);
        }

        if (query.Model is not null)
        {
            sql.Append(" AND (i.model = @model OR o.model = @model)");
            parameters.AddWithValue("@model", query.Model);
        }

        if (query.From is { } from)
        {
            sql.Append(" AND i.time_ticks >= @from");
            parameters.AddWithValue("@from", from.UtcTicks);
        }

        if (query.To is { } to)
        {
            sql.Append(" AND i.time_ticks < @to");
            parameters.AddWithValue("@to", to.UtcTicks);
        }

        if (!string.IsNullOrEmpty(query.Text))
        {
            sql.Append(@" AND (CAST(i.body AS TEXT) LIKE @text ESCAPE '\' OR CAST(o.body AS TEXT) LIKE @text ESCAPE '\')");
            parameters.AddWithValue("@text", "%" + EscapeLike(query.Text) + "%");
        }

        if (query.Before is { } before)
        {
            sql.Append(" AND i.seq < @before");
            parameters.AddWithValue("@before", before);
        }
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    private static async Task<List<ExchangeRecord>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var items = new List<ExchangeRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var intent = AuditEntryCodec.DecodeIntent(reader.GetFieldValue<byte[]>(1), EntryRows.OptionalBlob(reader, 2));
            if (reader.IsDBNull(3))
            {
                items.Add(new ExchangeRecord(reader.GetInt64(0), intent, null, null, Interrupted: false));
                continue;
            }

            var outcome = AuditEntryCodec.DecodeOutcome(reader.GetFieldValue<byte[]>(5), EntryRows.OptionalBlob(reader, 6));
            var interrupted = reader.GetString(4) == AuditEntryKinds.Interrupted;
            items.Add(new ExchangeRecord(reader.GetInt64(0), intent, reader.GetInt64(3), outcome, interrupted));
        }

        return items;
    }
}
