using System.Text;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Finds exchanges: each intent joined to the first entry that ended it, newest first, keyset-paged.</summary>
internal static class ExchangeSearch
{
    private const string Select = $"""
        SELECT i.seq, i.payload, i.body, o.seq, o.kind, o.payload, o.body
        FROM audit_entries i
        LEFT JOIN audit_entries o ON o.seq = (
            SELECT min(e.seq) FROM audit_entries e
            WHERE e.exchange_id = i.exchange_id
              AND e.kind IN ('{AuditEntryKinds.Outcome}', '{AuditEntryKinds.Interrupted}'))
        WHERE i.kind = '{AuditEntryKinds.Intent}'
        """;

    public static async Task<ExchangePage> SearchAsync(NpgsqlConnection connection, ExchangeQuery query, CancellationToken cancellationToken)
    {
        if (query.Validate() is [var first, ..])
        {
            throw new ArgumentException($"The query is invalid: {first}.", nameof(query));
        }

        var limit = query.Limit;
        using var command = new NpgsqlCommand { Connection = connection };
        var sql = new StringBuilder(Select);
        ExchangeFilters.Add(command, sql, query);
        sql.Append(" ORDER BY i.seq DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit + 1);
        command.CommandText = sql.ToString();

        var items = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        if (items.Count <= limit)
        {
            return new ExchangePage(items, null);
        }

        items.RemoveAt(limit);
        return new ExchangePage(items, items[^1].IntentSequence);
    }

    public static async Task<ExchangeRecord?> GetAsync(NpgsqlConnection connection, string exchangeId, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(Select + " AND i.exchange_id = @id ORDER BY i.seq LIMIT 1", connection);
        command.Parameters.AddWithValue("id", exchangeId);
        var items = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return items.Count == 0 ? null : items[0];
    }

    public static async Task<IReadOnlyList<AuditEntry>> ReadEntriesAsync(NpgsqlConnection connection, string exchangeId, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            $"SELECT {EntryRows.Columns} FROM audit_entries WHERE exchange_id = @id ORDER BY seq", connection);
        command.Parameters.AddWithValue("id", exchangeId);
        var entries = new List<AuditEntry>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(EntryRows.Read(reader));
            }
        }

        return await PartReader.AttachAsync(connection, null, entries, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<ExchangeRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<(long Seq, byte[] Payload, byte[]? Body, long? EndSeq, string? EndKind, byte[]? EndPayload, byte[]? EndBody)>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var ended = !reader.IsDBNull(3);
                rows.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), EntryRows.OptionalBlob(reader, 2),
                    ended ? reader.GetInt64(3) : null, ended ? reader.GetString(4) : null,
                    ended ? reader.GetFieldValue<byte[]>(5) : null, ended ? EntryRows.OptionalBlob(reader, 6) : null));
            }
        }

        var parted = rows.Where(r => r.Body is null).Select(r => r.Seq)
            .Concat(rows.Where(r => r.EndSeq is not null && r.EndBody is null).Select(r => r.EndSeq!.Value)).ToArray();
        var texts = await PartReader.ReadTextsAsync(command.Connection!, parted, cancellationToken).ConfigureAwait(false);
        var items = new List<ExchangeRecord>(rows.Count);
        foreach (var row in rows)
        {
            var intent = AuditEntryCodec.DecodeIntent(row.Payload, row.Body);
            intent = row.Body is null && texts.TryGetValue(row.Seq, out var prompt) ? intent with { Prompt = prompt } : intent;
            if (row.EndSeq is not { } endSeq)
            {
                items.Add(new ExchangeRecord(row.Seq, intent, null, null, Interrupted: false));
                continue;
            }

            var outcome = AuditEntryCodec.DecodeOutcome(row.EndPayload!, row.EndBody);
            outcome = row.EndBody is null && texts.TryGetValue(endSeq, out var response) ? outcome with { Response = response } : outcome;
            items.Add(new ExchangeRecord(row.Seq, intent, endSeq, outcome, row.EndKind == AuditEntryKinds.Interrupted));
        }

        return items;
    }
}
