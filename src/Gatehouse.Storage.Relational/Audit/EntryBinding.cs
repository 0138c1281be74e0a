using System.Data.Common;
using Gatehouse.Audit.Chain;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>Binds an entry to the first 15 parameters of a provider's insert, in <see cref="EntryReader.Columns"/> order.</summary>
/// <remarks>The provider creates (and may keep prepared) the insert and its parameters; only the values are set here.</remarks>
internal static class EntryBinding
{
    public static void Bind(DbParameterCollection values, AuditEntry entry)
    {
        values[0].Value = entry.Sequence;
        values[1].Value = entry.Kind;
        values[2].Value = entry.ExchangeId;
        values[3].Value = entry.Time.UtcTicks;
        values[4].Value = (object?)entry.Index.Subject ?? DBNull.Value;
        values[5].Value = (object?)entry.Index.Email ?? DBNull.Value;
        values[6].Value = (object?)entry.Index.Connection ?? DBNull.Value;
        values[7].Value = (object?)entry.Index.Model ?? DBNull.Value;
        values[8].Value = (object?)entry.Index.Status ?? DBNull.Value;
        values[9].Value = (object?)entry.Index.Decision ?? DBNull.Value;
        values[10].Value = entry.Payload;
        // A body stored as parts lives in audit_parts; the entry's own column stays empty.
        values[11].Value = entry.BodyParts is null ? (object?)entry.Body ?? DBNull.Value : DBNull.Value;
        values[12].Value = (object?)entry.BodyHash ?? DBNull.Value;
        values[13].Value = entry.PrevHash;
        values[14].Value = entry.Hash;
    }
}
