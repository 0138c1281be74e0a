namespace Gatehouse.Masking.Rules.Validation;

/// <summary>The ISO 13616 IBAN check: move the first four characters to the end, letters to numbers, mod 97 == 1.</summary>
internal static class Iban
{
    public static bool IsValid(ReadOnlySpan<char> iban)
    {
        Span<char> compact = stackalloc char[34];
        var length = 0;
        foreach (var c in iban)
        {
            if (c == ' ')
            {
                continue;
            }

            if (length == compact.Length || !char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            compact[length++] = char.ToUpperInvariant(c);
        }

        return length >= 15 && Mod97(compact[4..length], compact[..4]) == 1;
    }

    private static int Mod97(ReadOnlySpan<char> head, ReadOnlySpan<char> tail)
    {
        var remainder = 0;
        remainder = Accumulate(remainder, head);
        return Accumulate(remainder, tail);
    }

    private static int Accumulate(int remainder, ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
