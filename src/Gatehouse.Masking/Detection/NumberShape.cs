namespace Gatehouse.Masking.Detection;

/// <summary>
/// What the number rules' pre-checks need to know of a run (first character to last digit), counted once per run and
/// shared by every number rule: how many digits and of each separator, and the longest card chain (the most digits in
/// a row where each gap between two digits is at most one space or dash, the only way a card number may be written).
/// </summary>
internal readonly record struct NumberShape(
    int Digits, int Spaces, int Dashes, int Dots, int ClosingParentheses, int Pluses, int LongestCardChain)
{
    public static NumberShape Of(ReadOnlySpan<char> run)
    {
        int digits = 0, spaces = 0, dashes = 0, dots = 0, closing = 0, pluses = 0, chain = 0, longest = 0;
        var previousIsDigit = false;
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                chain++;
                longest = Math.Max(longest, chain);
                previousIsDigit = true;
                continue;
            }

            // One space or dash right after a digit keeps a card's chain going; anything else breaks it.
            chain = previousIsDigit && c is ' ' or '-' ? chain : 0;
            previousIsDigit = false;
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

        return new NumberShape(digits, spaces, dashes, dots, closing, pluses, longest);
    }
}
