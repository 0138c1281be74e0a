using System.Data.Common;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>Maps a row of <c>audit_entries</c>, selected as <see cref="Columns"/>, to an <see cref="AuditEntry"/>.</summary>
internal static class EntryReader
{
    public const string Columns =
        "seq, kind, exchange_id, time_ticks, subject, email, connection, model, status, decision, payload, body, body_hash, prev_hash, hash";

    public static AuditEntry Read(DbDataReader reader)
    {
        var index = new AuditIndex
        {
            Subject = OptionalText(reader, 4),
            Email = OptionalText(reader, 5),
            Connection = OptionalText(reader, 6),
            Model = OptionalText(reader, 7),
            Status = reader.IsDBNull(8) ? null : reader.GetInt32(8),
            Decision = OptionalText(reader, 9),
        };
        return new AuditEntry(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            FromTicks(reader.GetInt64(3)),
            index,
            reader.GetFieldValue<byte[]>(10),
            OptionalBlob(reader, 11),
            OptionalBlob(reader, 12),
            reader.GetFieldValue<byte[]>(13),
            reader.GetFieldValue<byte[]>(14));
    }

    /// <summary>Reads every row of <paramref name="command"/> as an entry, in the order the query returns them.</summary>
    public static async Task<List<AuditEntry>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static string? OptionalText(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static byte[]? OptionalBlob(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);
}
