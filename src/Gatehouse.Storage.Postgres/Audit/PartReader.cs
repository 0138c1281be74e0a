using System.Text;
using Gatehouse.Audit.Chain;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Reads back the parts of entries whose bodies are stored as parts, and joins them into the body.</summary>
/// <remarks>A reference to a part no longer held reads as a part with no hash and no content: verification reports it.</remarks>
internal static class PartReader
{
    private const string Select = """
        SELECT r.seq, p.hash, p.body FROM audit_entry_parts r LEFT JOIN audit_parts p ON p.id = r.part_id
        WHERE r.seq = ANY(@seqs) ORDER BY r.seq, r.ord
        """;

    /// <summary>Returns <paramref name="entries"/> with the parts of those stored as parts attached and joined.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AttachAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var candidates = entries.Where(e => e.Body is null && e.BodyHash is not null).Select(e => e.Sequence).ToArray();
        if (candidates.Length == 0)
        {
            return entries;
        }

        var parts = await ReadAsync(connection, transaction, candidates, cancellationToken).ConfigureAwait(false);
        if (parts.Count == 0)
        {
            return entries;
        }

        var attached = new AuditEntry[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            attached[i] = parts.TryGetValue(entries[i].Sequence, out var list)
                ? entries[i] with { Body = BodyParts.Join(list), BodyParts = list }
                : entries[i];
        }

        return attached;
    }

    /// <summary>Returns the joined text of each of <paramref name="sequences"/> stored as parts, when every part is present.</summary>
    public static async Task<Dictionary<long, string>> ReadTextsAsync(
        NpgsqlConnection connection, long[] sequences, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<long, string>();
        if (sequences.Length == 0)
        {
            return texts;
        }

        foreach (var (sequence, parts) in await ReadAsync(connection, null, sequences, cancellationToken).ConfigureAwait(false))
        {
            if (BodyParts.Join(parts) is { } body)
            {
                texts[sequence] = Encoding.UTF8.GetString(body);
            }
        }

        return texts;
    }

    private static async Task<Dictionary<long, IReadOnlyList<BodyPart>>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long[] sequences, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(Select, connection, transaction);
        command.Parameters.AddWithValue("seqs", sequences);
        var parts = new Dictionary<long, IReadOnlyList<BodyPart>>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var sequence = reader.GetInt64(0);
            if (!parts.TryGetValue(sequence, out var list))
            {
                parts[sequence] = list = new List<BodyPart>();
            }

            ((List<BodyPart>)list).Add(reader.IsDBNull(1)
                ? new BodyPart([], null)
                : new BodyPart(reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2)));
        }

        return parts;
    }
}
