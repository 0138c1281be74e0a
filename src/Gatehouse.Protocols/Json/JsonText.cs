using System.Text;
using System.Text.Unicode;

namespace Gatehouse.Protocols.Json;

/// <summary>Checks JSON text for what the parser accepts but string reads would later throw on.</summary>
/// <remarks>
/// The parser defers UTF-8 and <c>\u</c> surrogate validation to the moment a string is read; checking up front
/// means a body either reads whole or is refused whole, and readers never throw midway.
/// </remarks>
internal static class JsonText
{
    /// <summary>Returns why <paramref name="json"/> cannot be read as text, or null.</summary>
    public static string? Validate(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return "is not valid UTF-8";
        }

        return HasUnpairedSurrogateEscape(json) ? "has an unpaired surrogate escape" : null;
    }

    /// <summary>
    /// Unescapes the bytes between a string's quotes in text that <see cref="Validate"/> accepted and the parser read,
    /// into <paramref name="destination"/> (at least <paramref name="raw"/>'s length); returns the characters written.
    /// </summary>
    /// <remarks>
    /// What <c>Utf8JsonReader.CopyString</c> gives, without its detour: that unescapes into a rented UTF-8 buffer,
    /// transcodes, and clears the buffer for every escaped string (4% of the 49 KB request's busy time). A surrogate
    /// pair's two escapes give its two UTF-16 units, as transcoding the pair's UTF-8 does; validation refused unpaired
    /// ones. Between escapes the text is whole UTF-8 sequences (an escape is ASCII), transcoded run by run.
    /// </remarks>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<char> destination)
    {
        var written = 0;
        while (true)
        {
            var slash = raw.IndexOf((byte)'\\');
            written += Encoding.UTF8.GetChars(slash < 0 ? raw : raw[..slash], destination[written..]);
            if (slash < 0)
            {
                return written;
            }

            var escaped = raw[slash + 1];
            var unit = escaped switch
            {
                (byte)'"' or (byte)'\\' or (byte)'/' => escaped,
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                (byte)'u' => Hex(raw[(slash + 2)..]),
                _ => -1,
            };
            if (unit < 0)
            {
                throw new InvalidOperationException("The JSON string has an escape the parser would have refused.");
            }

            destination[written++] = (char)unit;
            raw = raw[(slash + (escaped == (byte)'u' ? 6 : 2))..];
        }
    }

    private static bool HasUnpairedSurrogateEscape(ReadOnlySpan<byte> json)
    {
        var expectLow = false;
        while (true)
        {
            var slash = json.IndexOf((byte)'\\');
            if (slash < 0 || slash + 1 >= json.Length)
            {
                return expectLow;
            }

            var escaped = json[slash + 1];
            var unit = escaped == (byte)'u' ? Hex(json[(slash + 2)..]) : -1;
            var isHigh = unit is >= 0xD800 and <= 0xDBFF;
            var isLow = unit is >= 0xDC00 and <= 0xDFFF;
            if (expectLow != isLow)
            {
                return true;
            }

            // A high surrogate must be followed at once by its low half.
            expectLow = isHigh;
            if (expectLow && (slash + 6 >= json.Length || json[slash + 6] != (byte)'\\'))
            {
                return true;
            }

            json = json[(slash + (unit >= 0 ? 6 : 2))..];
        }
    }

    private static int Hex(ReadOnlySpan<byte> digits)
    {
        if (digits.Length < 4)
        {
            return -1;
        }

        var value = 0;
        foreach (var digit in digits[..4])
        {
            var nibble = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0)
            {
                return -1;
            }

            value = (value << 4) | nibble;
        }

        return value;
    }
}
