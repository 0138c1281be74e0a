using System.Data.Common;
using System.Text;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Relational.Commands;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>Finds exchanges: each intent joined to the first entry that ended it, newest first, keyset-paged.</summary>
/// <remarks>
/// Keyset paging on the intent sequence is stable under appends: a new exchange always sorts above every cursor.
/// A provider adds only its search filters (<see cref="SearchAsync{TCommand}"/>) and how it selects parts.
/// </remarks>
internal static class ExchangeRows
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

    /// <summary>Runs <paramref name="query"/> as one page, with the provider's filters appended by <paramref name="addFilters"/>.</summary>
    public static async Task<ExchangePage> SearchAsync<TCommand>(
        TCommand command, ExchangeQuery query, Action<TCommand, StringBuilder, ExchangeQuery> addFilters, PartQuery parts, CancellationToken cancellationToken)
        where TCommand : DbCommand
    {
        if (query.Validate() is [var first, ..])
        {
            throw new ArgumentException($"The query is invalid: {first}.", nameof(query));
        }

        var limit = query.Limit;
        var sql = new StringBuilder(Select);
        addFilters(command, sql, query);
        sql.Append(" ORDER BY i.seq DESC LIMIT @limit");
        command.Add("@limit", limit + 1);
        command.CommandText = sql.ToString();

        var items = await ReadAsync(command, parts, cancellationToken).ConfigureAwait(false);
        if (items.Count <= limit)
        {
            return new ExchangePage(items, null);
        }

        items.RemoveAt(limit);
        return new ExchangePage(items, items[^1].IntentSequence);
    }

    public static async Task<ExchangeRecord?> GetAsync(DbConnection connection, string exchangeId, PartQuery parts, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Select + " AND i.exchange_id = @id ORDER BY i.seq LIMIT 1";
        command.Add("@id", exchangeId);
        var items = await ReadAsync(command, parts, cancellationToken).ConfigureAwait(false);
        return items.Count == 0 ? null : items[0];
    }

    public static async Task<IReadOnlyList<AuditEntry>> ReadEntriesAsync(
        DbConnection connection, string exchangeId, PartQuery parts, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {EntryReader.Columns} FROM audit_entries WHERE exchange_id = @id ORDER BY seq";
        command.Add("@id", exchangeId);
        var entries = await EntryReader.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return await PartRows.AttachAsync(connection, null, entries, parts, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<ExchangeRecord>> ReadAsync(DbCommand command, PartQuery parts, CancellationToken cancellationToken)
    {
        var rows = new List<(long Seq, byte[] Payload, byte[]? Body, long? EndSeq, string? EndKind, byte[]? EndPayload, byte[]? EndBody)>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var ended = !reader.IsDBNull(3);
                rows.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), EntryReader.OptionalBlob(reader, 2),
                    ended ? reader.GetInt64(3) : null, ended ? reader.GetString(4) : null,
                    ended ? reader.GetFieldValue<byte[]>(5) : null, ended ? EntryReader.OptionalBlob(reader, 6) : null));
            }
        }

        // Bodies stored as parts are read for the whole page at once; an inline body (written before parts) is used as is.
        var parted = rows.Where(r => r.Body is null).Select(r => r.Seq)
            .Concat(rows.Where(r => r.EndSeq is not null && r.EndBody is null).Select(r => r.EndSeq!.Value)).ToList();
        var texts = await PartRows.ReadTextsAsync(command.Connection!, parted, parts, cancellationToken).ConfigureAwait(false);
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
