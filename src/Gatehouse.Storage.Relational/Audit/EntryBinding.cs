using System.Data.Common;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>Binds an entry to 15 parameters of a provider's insert, in <see cref="EntryReader.Columns"/> order.</summary>
/// <remarks>
/// The provider creates (and may keep prepared) the insert and its parameters; only the values are set here. A
/// multi-row insert binds each row at its own <c>offset</c> (row times <see cref="Count"/>).
/// </remarks>
internal static class EntryBinding
{
    /// <summary>The number of parameters one entry binds.</summary>
    public const int Count = 15;

    public static void Bind(DbParameterCollection values, AuditEntry entry) => Bind(values, 0, entry);

    public static void Bind(DbParameterCollection values, int offset, AuditEntry entry)
    {
        values[offset].Value = entry.Sequence;
        values[offset + 1].Value = entry.Kind;
        values[offset + 2].Value = entry.ExchangeId;
        values[offset + 3].Value = entry.Time.UtcTicks;
        values[offset + 4].Value = (object?)entry.Index.Subject ?? DBNull.Value;
        values[offset + 5].Value = (object?)entry.Index.Email ?? DBNull.Value;
        values[offset + 6].Value = (object?)entry.Index.Connection ?? DBNull.Value;
        values[offset + 7].Value = (object?)entry.Index.Model ?? DBNull.Value;
        values[offset + 8].Value = (object?)entry.Index.Status ?? DBNull.Value;
        values[offset + 9].Value = (object?)entry.Index.Decision ?? DBNull.Value;
        values[offset + 10].Value = entry.Payload;
        // A body stored as parts lives in audit_parts; the entry's own column stays empty.
        values[offset + 11].Value = entry.BodyParts is null ? (object?)entry.Body ?? DBNull.Value : DBNull.Value;
        values[offset + 12].Value = (object?)entry.BodyHash ?? DBNull.Value;
        values[offset + 13].Value = entry.PrevHash;
        values[offset + 14].Value = entry.Hash;
    }
}
