using System.Data.Common;
using System.Text;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>Reads back the parts of entries whose bodies are stored as parts, and joins them into the body.</summary>
/// <remarks>
/// A reference to a part the store no longer holds (a row deleted behind retention's back) reads as a part with no
/// hash and no content: the body reads as absent and verification reports it.
/// </remarks>
internal static class PartRows
{
    /// <summary>Returns <paramref name="entries"/> with the parts of those stored as parts attached and joined.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AttachAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyList<AuditEntry> entries, PartQuery query, CancellationToken cancellationToken)
    {
        var candidates = entries.Where(e => e.Body is null && e.BodyHash is not null).Select(e => e.Sequence).ToList();
        if (candidates.Count == 0)
        {
            return entries;
        }

        var parts = await ReadAsync(connection, transaction, candidates, query, cancellationToken).ConfigureAwait(false);
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
        DbConnection connection, IReadOnlyList<long> sequences, PartQuery query, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<long, string>();
        if (sequences.Count == 0)
        {
            return texts;
        }

        foreach (var (sequence, parts) in await ReadAsync(connection, null, sequences, query, cancellationToken).ConfigureAwait(false))
        {
            if (BodyParts.Join(parts) is { } body)
            {
                texts[sequence] = Encoding.UTF8.GetString(body);
            }
        }

        return texts;
    }

    private static async Task<Dictionary<long, IReadOnlyList<BodyPart>>> ReadAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyList<long> sequences, PartQuery query, CancellationToken cancellationToken)
    {
        using var command = query(connection, transaction, sequences);
        // A dialect may select a superset (a dense range); only the asked-for sequences are kept.
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
