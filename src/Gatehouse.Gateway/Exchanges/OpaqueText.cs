using System.Text;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>Turns a captured opaque body into audit text: UTF-8 text as is, anything else as a size note.</summary>
internal static class OpaqueText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the audit's summary of an opaque body of <paramref name="bytes"/> bytes whose first bytes were <paramref name="kept"/>.</summary>
    public static Protocols.ResponseSummary Summary(ReadOnlySpan<byte> kept, long bytes) => new()
    {
        Text = Describe(kept),
        TextTruncated = bytes > kept.Length,
    };

    public static string Describe(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return "";
        }

        // A cap can cut a multi-byte character; drop at most 3 trailing bytes before calling the body binary.
        for (var trim = 0; trim <= 3 && trim < body.Length; trim++)
        {
            if (TryDecode(body[..^trim], out var text))
            {
                return text;
            }
        }

        return $"[binary body, {body.Length} bytes]";
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = Strict.GetString(bytes);
            return !text.Contains('\0', StringComparison.Ordinal);
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
