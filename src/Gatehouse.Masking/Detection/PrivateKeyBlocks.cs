namespace Gatehouse.Masking.Detection;

/// <summary>Finds the END line that closes a PEM, OpenSSH or PGP private-key block.</summary>
internal static class PrivateKeyBlocks
{
    public const string EndMarker = "-----END";

    /// <summary>The longest END line: the marker, a label of up to 48 characters and the closing dashes.</summary>
    public const int LongestEndLine = 8 + 48 + 5;

    private const int LongestLabel = 48;

    /// <summary>Searches <paramref name="text"/> from <paramref name="from"/> for a complete END line.</summary>
    /// <returns>
    /// The offset just past the END line; -1 when none was found. <paramref name="undecidedFrom"/> is where an END line
    /// may be starting that more text could complete (the text length when none).
    /// </returns>
    public static int FindEnd(ReadOnlySpan<char> text, int from, out int undecidedFrom)
    {
        undecidedFrom = text.Length;
        while (from < text.Length)
        {
            var rel = text[from..].IndexOf(EndMarker, StringComparison.Ordinal);
            if (rel < 0)
            {
                undecidedFrom = Math.Max(from, text.Length - (EndMarker.Length - 1));
                return -1;
            }

            var marker = from + rel;
            var k = marker + EndMarker.Length;
            while (k < text.Length && k - marker - EndMarker.Length < LongestLabel && IsLabelChar(text[k]))
            {
                k++;
            }

            var rest = text[k..];
            if (rest.StartsWith("-----", StringComparison.Ordinal))
            {
                return k + 5;
            }

            if ("-----".AsSpan().StartsWith(rest) || (k == text.Length && k - marker - EndMarker.Length < LongestLabel))
            {
                undecidedFrom = marker;
                return -1;
            }

            from = marker + 1;
        }

        undecidedFrom = Math.Max(0, Math.Min(undecidedFrom, text.Length - (EndMarker.Length - 1)));
        return -1;
    }

    private static bool IsLabelChar(char c) => c == ' ' || char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
}
