using Gatehouse.Audit.Chain;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>The two statements that write the parts of one batch's bodies: the distinct parts, then every reference.</summary>
/// <remarks>
/// <para>
/// A part already stored is found by its hash and never rewritten (<c>ON CONFLICT DO NOTHING</c>), so a 40 KB system
/// prompt resent every turn costs one index lookup and one reference row, not 40 KB. A part repeated within the batch
/// is sent once.
/// </para>
/// <para>
/// The references find their part's id by hash in the same statement that inserts them, after the parts statement of
/// the same batch ran, so no id travels back to the client. Each reference also carries the intent sequence of its
/// exchange (an intent's own sequence; for any other entry, the first intent of its exchange, possibly inserted earlier
/// in the same batch, else the entry's own sequence), the column the text search of bodies joins on.
/// </para>
/// </remarks>
internal static class PartInserts
{
    private const string InsertPartsSql = """
        INSERT INTO audit_parts (hash, body)
        SELECT hash, body FROM unnest(@hashes, @bodies) AS p(hash, body)
        ON CONFLICT (hash) DO NOTHING
        """;

    private const string InsertReferencesSql = $"""
        INSERT INTO audit_entry_parts (seq, ord, part_id, exchange_seq)
        SELECT r.seq, r.ord, p.id, COALESCE(r.intent, (
            SELECT i.seq FROM audit_entries i
            WHERE i.exchange_id = r.exchange_id AND i.kind = '{AuditEntryKinds.Intent}' ORDER BY i.seq LIMIT 1), r.seq)
        FROM unnest(@seq, @ord, @hash, @exchange_id, @intent) AS r(seq, ord, hash, exchange_id, intent)
        JOIN audit_parts p ON p.hash = r.hash
        """;

    /// <summary>
    /// Creates the insert of every distinct part of <paramref name="drafts"/>; null when none has parts. Needs no head,
    /// so it is built before the head is locked.
    /// </summary>
    public static NpgsqlBatchCommand? InsertParts(IReadOnlyList<AuditEntryDraft> drafts)
    {
        var parts = new Dictionary<string, BodyPart>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            foreach (var part in draft.BodyParts ?? [])
            {
                if (part.Content is null)
                {
                    throw new ArgumentException("A part to store has no content.", nameof(drafts));
                }

                parts.TryAdd(Convert.ToBase64String(part.Hash), part);
            }
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(InsertPartsSql);
        command.Parameters.Add(EntryRows.Array("hashes", NpgsqlDbType.Bytea, parts.Values.Select(p => p.Hash).ToArray()));
        command.Parameters.Add(EntryRows.Array("bodies", NpgsqlDbType.Bytea, parts.Values.Select(p => p.Content!).ToArray()));
        return command;
    }

    /// <summary>Creates the insert of every reference of <paramref name="entries"/> to its parts; null when there is none.</summary>
    /// <param name="entries">The sealed entries of the batch.</param>
    /// <param name="count">The number of references, which the insert must report as inserted.</param>
    public static NpgsqlBatchCommand? InsertReferences(IReadOnlyList<AuditEntry> entries, out int count)
    {
        var seq = new List<long>();
        var ord = new List<int>();
        var hash = new List<byte[]>();
        var exchange = new List<string>();
        var intent = new List<long?>();
        foreach (var entry in entries)
        {
            var parts = entry.BodyParts ?? [];
            for (var i = 0; i < parts.Count; i++)
            {
                seq.Add(entry.Sequence);
                ord.Add(i);
                hash.Add(parts[i].Hash);
                exchange.Add(entry.ExchangeId);
                intent.Add(entry.Kind == AuditEntryKinds.Intent ? entry.Sequence : null);
            }
        }

        count = seq.Count;
        if (count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(InsertReferencesSql);
        command.Parameters.Add(EntryRows.Array("seq", NpgsqlDbType.Bigint, seq.ToArray()));
        command.Parameters.Add(EntryRows.Array("ord", NpgsqlDbType.Integer, ord.ToArray()));
        command.Parameters.Add(EntryRows.Array("hash", NpgsqlDbType.Bytea, hash.ToArray()));
        command.Parameters.Add(EntryRows.Array("exchange_id", NpgsqlDbType.Text, exchange.ToArray()));
        command.Parameters.Add(EntryRows.Array("intent", NpgsqlDbType.Bigint, intent.ToArray()));
        return command;
    }
}
