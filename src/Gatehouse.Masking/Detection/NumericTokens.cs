using System.Buffers;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// Finds runs of digits and number separators, the anchor of card, phone, SSN, IBAN and IP rules (which have no
/// keyword). A run longer than <see cref="MaxLength"/> is data, not a number a person typed, and is skipped.
/// </summary>
internal static class NumericTokens
{
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    public const int MinLength = 7;
    public const int MinDigits = 4;

    /// <summary>Finds the next run at or after <paramref name="from"/>.</summary>
    /// <returns>False when there is none. <paramref name="runEnd"/> is where the search continues.</returns>
    public static bool TryFindNext(
        ReadOnlySpan<char> text, int from, out int start, out int end, out int runEnd, out bool qualifies)
    {
        start = end = runEnd = 0;
        qualifies = false;
        var rel = text[from..].IndexOfAny(Digits);
        if (rel < 0)
        {
            return false;
        }

        var first = from + rel;
        start = first;
        while (start > 0 && first - start < 2 && text[start - 1] is '+' or '(')
        {
            start--;
        }

        runEnd = first;
        var digits = 0;
        var lastDigit = first;
        while (runEnd < text.Length && runEnd - start <= MaxLength && IsRunChar(text[runEnd]))
        {
            if (char.IsAsciiDigit(text[runEnd]))
            {
                digits++;
                lastDigit = runEnd;
            }

            runEnd++;
        }

        end = lastDigit + 1;
        qualifies = runEnd - start <= MaxLength && digits >= MinDigits && end - start >= MinLength;
        while (runEnd < text.Length && IsRunChar(text[runEnd]))
        {
            qualifies = false;
            runEnd++;
        }

        return true;
    }

    /// <summary>
    /// The earliest offset at which a number rule's match could start given a token (or a future token) at
    /// <paramref name="tokenStart"/>: number rules may reach back at most <paramref name="maxBefore"/> characters, only
    /// over upper-case letters, digits and spaces, and only from an upper-case letter (an IBAN's country code).
    /// </summary>
    public static int EarliestMatchStart(ReadOnlySpan<char> text, int tokenStart, int maxBefore)
    {
        var k = tokenStart;
        while (k > 0 && tokenStart - k < maxBefore && (char.IsAsciiLetterUpper(text[k - 1]) || char.IsAsciiDigit(text[k - 1]) || text[k - 1] == ' '))
        {
            k--;
        }

        while (k < tokenStart && !char.IsAsciiLetterUpper(text[k]))
        {
            k++;
        }

        return k;
    }

    public static bool IsRunChar(char c) => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '/' or ':' or '+';
}
