using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Gatehouse.Audit.Store;

/// <summary>The opaque page cursor of exchange searches: a keyset position (an intent sequence) clients pass back.</summary>
/// <remarks>
/// Paging is keyset on the log sequence, newest first, so an exchange appended while a client pages has a higher
/// sequence than every cursor and never shifts, duplicates or hides a row of the later pages. The cursor is
/// base64url so clients treat it as a token, not a number to compute with.
/// </remarks>
public static class ExchangeCursor
{
    private const string Prefix = "s1:";

    /// <summary>Encodes the position below which the next page starts.</summary>
    public static string Encode(long before)
        => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + before.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Decodes a cursor; an empty one means the first page. Returns false for text no page returned.</summary>
    public static bool TryDecode(string? cursor, out long? before)
    {
        before = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        if (cursor.Length > 64 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)
            || !long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value <= 0)
        {
            return false;
        }

        before = value;
        return true;
    }
}
