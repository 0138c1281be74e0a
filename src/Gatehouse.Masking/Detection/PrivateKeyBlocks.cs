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

    /// <summary>How far past the BEGIN line <see cref="BodyFollows"/> looks: separators, then one body line.</summary>
    public const int BodyLookahead = MaxSeparators + BodyLine + 1;

    private const int MaxSeparators = 32;

    private const int BodyLine = 64;

    private const int MinBodyRun = 20;

    /// <summary>The RFC 1421 / OpenPGP armor header names that may stand between a BEGIN line and its body.</summary>
    private static readonly string[] ArmorHeaders = ["Proc-Type:", "DEK-Info:", "Version:", "Comment:", "Hash:", "Charset:"];

    /// <summary>
    /// Whether what follows a BEGIN line (<paramref name="after"/>, at most <see cref="BodyLookahead"/> characters) is
    /// a key's body: after line breaks, indentation, quotes, <c>\n</c> escapes or a <c>+</c> of string concatenation,
    /// an armor header (<c>Proc-Type:</c>, <c>Version:</c>) or a run of at least 20 base64 characters with a digit (or
    /// <c>+</c>, <c>/</c>) and both letter cases. A header inside a string literal followed by code (<c>"-----BEGIN
    /// PRIVATE KEY-----") !== 0</c>, <c>${body}</c>) is not a key.
    /// </summary>
    /// <param name="after">The text after the BEGIN line's closing dashes.</param>
    /// <param name="complete">True when no more text can follow <paramref name="after"/> within the lookahead (the
    /// window is full or the text is final); otherwise the answer may be <see cref="KeyBody.Undecided"/>.</param>
    public static KeyBody BodyFollows(ReadOnlySpan<char> after, bool complete)
    {
        var i = 0;
        while (i < after.Length && i < MaxSeparators)
        {
            var c = after[i];
            if (c is ' ' or '\t' or '\r' or '\n' or '"' or '\'' or '`' or '+')
            {
                i++;
            }
            else if (c == '\\' && i + 1 < after.Length && after[i + 1] is 'n' or 'r')
            {
                i += 2;
            }
            else if (c == '\\' && i + 1 == after.Length)
            {
                return complete ? KeyBody.None : KeyBody.Undecided;
            }
            else
            {
                break;
            }
        }

        if (i == after.Length)
        {
            return complete ? KeyBody.None : KeyBody.Undecided;
        }

        if (i >= MaxSeparators)
        {
            return KeyBody.None;
        }

        var rest = after[i..];
        foreach (var name in ArmorHeaders)
        {
            if (rest.StartsWith(name, StringComparison.Ordinal))
            {
                return KeyBody.Key;
            }

            if (!complete && name.AsSpan().StartsWith(rest))
            {
                return KeyBody.Undecided;
            }
        }

        var run = rest.IndexOfAnyExcept(Base64);
        if (run < 0 && rest.Length < BodyLine && !complete)
        {
            return KeyBody.Undecided;
        }

        var body = rest[..Math.Min(run < 0 ? rest.Length : run, BodyLine)];
        return body.Length >= MinBodyRun &&
            (body.IndexOfAnyInRange('0', '9') >= 0 || body.IndexOfAny('+', '/') >= 0) &&
            body.IndexOfAnyInRange('A', 'Z') >= 0 && body.IndexOfAnyInRange('a', 'z') >= 0
            ? KeyBody.Key
            : KeyBody.None;
    }

    private static readonly System.Buffers.SearchValues<char> Base64 =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    private static bool IsLabelChar(char c) => c == ' ' || char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
}
