using System.Data.Common;

namespace Gatehouse.Storage.Relational.Audit;

/// <summary>One row of <c>audit_entry_parts</c>: entry <see cref="Sequence"/>'s part number <see cref="Ord"/> is part <see cref="PartId"/>, of the exchange whose intent is <see cref="ExchangeSequence"/>.</summary>
internal readonly record struct PartReference(long Sequence, int Ord, long PartId, long ExchangeSequence)
{
    /// <summary>Binds <paramref name="reference"/> to 4 parameters from <paramref name="offset"/>, in <see cref="PartWriter.ReferenceColumns"/> order.</summary>
    public static void Bind(DbParameterCollection values, int offset, PartReference reference)
    {
        values[offset].Value = reference.Sequence;
        values[offset + 1].Value = reference.Ord;
        values[offset + 2].Value = reference.PartId;
        values[offset + 3].Value = reference.ExchangeSequence;
    }
}
