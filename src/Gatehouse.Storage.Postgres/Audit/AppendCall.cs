using Gatehouse.Audit.Chain;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>
/// Builds the call of <c>gatehouse_audit_append_v12</c> (<see cref="TaggedAppendFunctionSchema"/>) for one batch:
/// everything that needs no head, computed before the head is locked (one array per column, each entry's sequence-free
/// encoding, the distinct parts, the references, the search tags).
/// </summary>
/// <remarks>
/// A part already stored is found by its hash and never rewritten, so a 40 KB system prompt resent every turn costs one
/// index lookup and one reference row, not 40 KB; a part repeated within the batch is sent once. References name their
/// entry by its 1-based index in the batch; the function turns it into the sequence it assigns.
/// </remarks>
internal static class AppendCall
{
    private const string Sql = """
        SELECT entry_seq, entry_prev_hash, entry_hash FROM gatehouse_audit_append_v12(
            @writer_id, @prefix, @kind, @exchange_id, @time_ticks, @subject, @email, @connection, @model, @status, @decision,
            @payload, @body, @body_hash, @unsequenced, @part_hash, @part_body, @ref_entry, @ref_ord, @ref_hash,
            @tag_entry, @tag_text, @tag_on_intent)
        """;

    /// <summary>Creates the call that appends <paramref name="drafts"/> for <paramref name="writerId"/>.</summary>
    /// <param name="writerId">The writer id every entry carries.</param>
    /// <param name="drafts">The batch, in order; not empty.</param>
    /// <param name="prefix">The encoding's prefix (<see cref="AuditChain.EncodingPrefix"/>; a test passes another to prove the check).</param>
    public static NpgsqlBatchCommand Create(string writerId, IReadOnlyList<AuditEntryDraft> drafts, ReadOnlySpan<byte> prefix)
    {
        var command = new NpgsqlBatchCommand(Sql);
        var values = command.Parameters;
        values.Add(new NpgsqlParameter("writer_id", NpgsqlDbType.Text) { Value = writerId });
        values.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Bytea) { Value = prefix.ToArray() });
        values.Add(Array("kind", NpgsqlDbType.Text, drafts.Select(d => d.Kind)));
        values.Add(Array("exchange_id", NpgsqlDbType.Text, drafts.Select(d => d.ExchangeId)));
        values.Add(Array("time_ticks", NpgsqlDbType.Bigint, drafts.Select(d => d.Time.UtcTicks)));
        values.Add(Array("subject", NpgsqlDbType.Text, drafts.Select(d => d.Index.Subject)));
        values.Add(Array("email", NpgsqlDbType.Text, drafts.Select(d => d.Index.Email)));
        values.Add(Array("connection", NpgsqlDbType.Text, drafts.Select(d => d.Index.Connection)));
        values.Add(Array("model", NpgsqlDbType.Text, drafts.Select(d => d.Index.Model)));
        values.Add(Array("status", NpgsqlDbType.Integer, drafts.Select(d => d.Index.Status)));
        values.Add(Array("decision", NpgsqlDbType.Text, drafts.Select(d => d.Index.Decision)));
        values.Add(Array("payload", NpgsqlDbType.Bytea, drafts.Select(d => d.Payload)));
        // A body stored as parts lives in audit_parts; the entry's own column stays empty (as on the embedded store).
        values.Add(Array("body", NpgsqlDbType.Bytea, drafts.Select(d => d.BodyParts is null ? d.Body : null)));
        values.Add(Array("body_hash", NpgsqlDbType.Bytea, drafts.Select(d => d.BodyHash)));
        values.Add(Array("unsequenced", NpgsqlDbType.Bytea, drafts.Select(AuditChain.EncodeUnsequenced)));
        AddParts(values, drafts);
        AddReferences(values, drafts);
        var tags = new TagColumns();
        for (var i = 0; i < drafts.Count; i++)
        {
            EntryTags.Add(drafts[i], i + 1, tags);
        }

        tags.AddTo(values);
        return command;
    }

    private static void AddParts(NpgsqlParameterCollection values, IReadOnlyList<AuditEntryDraft> drafts)
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

        values.Add(Array("part_hash", NpgsqlDbType.Bytea, parts.Values.Select(p => p.Hash)));
        values.Add(Array("part_body", NpgsqlDbType.Bytea, parts.Values.Select(p => p.Content!)));
    }

    private static void AddReferences(NpgsqlParameterCollection values, IReadOnlyList<AuditEntryDraft> drafts)
    {
        var entry = new List<int>();
        var ord = new List<int>();
        var hash = new List<byte[]>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var parts = drafts[i].BodyParts ?? [];
            for (var j = 0; j < parts.Count; j++)
            {
                entry.Add(i + 1);
                ord.Add(j);
                hash.Add(parts[j].Hash);
            }
        }

        values.Add(Array("ref_entry", NpgsqlDbType.Integer, entry));
        values.Add(Array("ref_ord", NpgsqlDbType.Integer, ord));
        values.Add(Array("ref_hash", NpgsqlDbType.Bytea, hash));
    }

    // Typed, so an array of nulls (or an empty one) still has its element type.
    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType elementType, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() };
}
