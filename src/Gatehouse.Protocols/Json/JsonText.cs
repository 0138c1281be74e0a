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
