using System.Text.Json;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Storage.Relational.Integrity;

/// <summary>The entry that seals a row into the hash chain, the same payload on every provider.</summary>
internal static class RowSealEntry
{
    /// <summary>Builds the entry sealing row <paramref name="id"/> of <paramref name="table"/>, whose hash is <paramref name="rowHash"/>.</summary>
    /// <remarks>
    /// <paramref name="facts"/> writes further payload members (never a secret) before the hash; <paramref name="subject"/>
    /// goes to the entry's index, so a search by user finds the change.
    /// </remarks>
    public static AuditEntryDraft Create(
        string kind, string table, string id, DateTimeOffset at, byte[] rowHash, Action<Utf8JsonWriter>? facts, string? subject)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("table", table);
            json.WriteString("id", id);
            facts?.Invoke(json);
            json.WriteString("rowHash", Convert.ToHexStringLower(rowHash));
            json.WriteEndObject();
        }

        return new AuditEntryDraft(kind, id, at, new AuditIndex { Subject = subject }, buffer.ToArray(), null, null);
    }

    /// <summary>The exception for a row to seal that the transaction does not hold.</summary>
    public static InvalidOperationException Missing(string table, string id) =>
        new($"The {table} row '{id}' to seal is not in the transaction.");
}
