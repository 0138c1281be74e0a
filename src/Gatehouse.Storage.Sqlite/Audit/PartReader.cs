using System.Globalization;
using System.Text;
using Gatehouse.Audit.Chain;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Reads back the parts of entries whose bodies are stored as parts, and joins them into the body.</summary>
/// <remarks>
/// A reference to a part the store no longer holds (a row deleted behind retention's back) reads as a part with no
/// hash and no content: the body reads as absent and verification reports it.
/// </remarks>
internal static class PartReader
{
    private const string Select = """
        SELECT r.seq, p.hash, p.body FROM audit_entry_parts r LEFT JOIN audit_parts p ON p.id = r.part_id
        """;

    /// <summary>Returns <paramref name="entries"/> with the parts of those stored as parts attached and joined.</summary>
    /// <remarks>The entries are read with one query over their sequence range when it is dense, else by their sequences.</remarks>
    public static async Task<IReadOnlyList<AuditEntry>> AttachAsync(
        SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var candidates = entries.Where(e => e.Body is null && e.BodyHash is not null).Select(e => e.Sequence).ToList();
        if (candidates.Count == 0)
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
        SqliteConnection connection, IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<long, string>();
        if (sequences.Count == 0)
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
        SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var (first, last) = (sequences.Min(), sequences.Max());
        if (last - first < 2L * sequences.Count)
        {
            command.CommandText = Select + " WHERE r.seq BETWEEN @first AND @last ORDER BY r.seq, r.ord";
            command.Parameters.AddWithValue("@first", first);
            command.Parameters.AddWithValue("@last", last);
        }
        else
        {
            command.CommandText = Select + " WHERE r.seq IN (SELECT value FROM json_each(@seqs)) ORDER BY r.seq, r.ord";
            command.Parameters.AddWithValue("@seqs", "[" + string.Join(',', sequences.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]");
        }

        var wanted = sequences.ToHashSet();
        var parts = new Dictionary<long, IReadOnlyList<BodyPart>>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var sequence = reader.GetInt64(0);
            if (!wanted.Contains(sequence))
            {
                continue;
            }

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
