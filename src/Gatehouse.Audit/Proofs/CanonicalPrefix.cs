using System.Buffers.Binary;
using System.Text;

namespace Gatehouse.Audit.Proofs;

/// <summary>Reads the fields a canonical entry encoding begins with: domain, sequence, kind, exchange id.</summary>
internal static class CanonicalPrefix
{
    private static readonly byte[] Domain = "gatehouse.audit.entry.v1"u8.ToArray();

    /// <summary>Returns whether <paramref name="canonical"/> is an entry encoding with this sequence and exchange id.</summary>
    public static bool Names(ReadOnlySpan<byte> canonical, long sequence, string exchangeId)
    {
        if (!TryReadField(ref canonical, out var domain) || !domain.SequenceEqual(Domain) || canonical.Length < 8)
        {
            return false;
        }

        var actualSequence = BinaryPrimitives.ReadInt64BigEndian(canonical);
        canonical = canonical[8..];
        return actualSequence == sequence
            && TryReadField(ref canonical, out _)
            && TryReadField(ref canonical, out var exchange)
            && exchange.SequenceEqual(Encoding.UTF8.GetBytes(exchangeId));
    }

    private static bool TryReadField(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> field)
    {
        field = default;
        if (rest.Length < 4)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(rest);
        if (length < 0 || length > rest.Length - 4)
        {
            return false;
        }

        field = rest.Slice(4, length);
        rest = rest[(4 + length)..];
        return true;
    }
}
