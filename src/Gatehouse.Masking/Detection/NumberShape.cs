namespace Gatehouse.Masking.Detection;

/// <summary>
/// What the number rules' pre-checks need to know of a run (first character to last digit), counted once per run and
/// shared by every number rule.
/// </summary>
/// <remarks>
/// Card chain: the most digits in a row from a digit that may begin a card number (2 to 6, not right after a digit or
/// '-') where each gap between two digits is at most one space or dash, the only way a card number may be written.
/// Line group: a separator (" .-") with three digits before it, the first 2 to 9, after " .-)" and four digits after
/// it, not followed by a fifth, as in a North American number's exchange and line. SSN group: ddd-dd-dddd, not
/// followed by a digit.
/// </remarks>
internal readonly record struct NumberShape(
    int Digits, int Spaces, int Dashes, int Dots, int ClosingParentheses, int Pluses, int LongestCardChain,
    bool HasLineGroup, bool HasSsnGroup)
{
    /// <param name="run">The run, from its first character to its last digit.</param>
    /// <param name="before">The character before the run (a space at the start of the text).</param>
    public static NumberShape Of(ReadOnlySpan<char> run, char before)
    {
        int digits = 0, spaces = 0, dashes = 0, dots = 0, closing = 0, pluses = 0, chain = 0, longest = 0;
        var previous = before;
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                chain = chain > 0 ? chain + 1 : c is >= '2' and <= '6' && !char.IsAsciiDigit(previous) && previous != '-' ? 1 : 0;
                longest = Math.Max(longest, chain);
            }
            else
            {
                // One space or dash right after a digit keeps a card's chain going; anything else breaks it.
                chain = char.IsAsciiDigit(previous) && c is ' ' or '-' ? chain : 0;
                switch (c)
                {
                    case ' ':
                        spaces++;
                        break;
                    case '-':
                        dashes++;
                        break;
                    case '.':
                        dots++;
                        break;
                    case ')':
                        closing++;
                        break;
                    case '+':
                        pluses++;
                        break;
                }
            }

            previous = c;
        }

        var lineGroup = digits >= 10 && spaces + dashes + dots > 0 && HasGroup(run, IsLineGroup);
        var ssnGroup = dashes >= 2 && digits >= 9 && HasGroup(run, IsSsnGroup);
        return new NumberShape(digits, spaces, dashes, dots, closing, pluses, longest, lineGroup, ssnGroup);
    }

    private static bool HasGroup(ReadOnlySpan<char> run, Func<ReadOnlySpan<char>, int, bool> isGroupAt)
    {
        for (var j = 0; j < run.Length; j++)
        {
            if (run[j] is ' ' or '.' or '-' && isGroupAt(run, j))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLineGroup(ReadOnlySpan<char> run, int j) =>
        j >= 4 && j + 5 <= run.Length && run[j - 4] is ' ' or '.' or '-' or ')' && run[j - 3] is >= '2' and <= '9' &&
        AreDigits(run, j - 2, 2) && AreDigits(run, j + 1, 4) && (j + 5 == run.Length || !char.IsAsciiDigit(run[j + 5]));

    private static bool IsSsnGroup(ReadOnlySpan<char> run, int j) =>
        run[j] == '-' && j >= 3 && j + 8 <= run.Length && run[j + 3] == '-' && AreDigits(run, j - 3, 3) &&
        AreDigits(run, j + 1, 2) && AreDigits(run, j + 4, 4) && (j + 8 == run.Length || !char.IsAsciiDigit(run[j + 8]));

    private static bool AreDigits(ReadOnlySpan<char> run, int from, int count) =>
        !run.Slice(from, count).ContainsAnyExceptInRange('0', '9');
}
