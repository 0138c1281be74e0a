using System.Buffers;
using Gatehouse.Masking.Rules;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// Cheap tests that a number rule's pattern cannot match in a run's window, so that the regex runs only where it may.
/// </summary>
/// <remarks>
/// Every test is a necessary condition of the catalog pattern it guards: when it fails the pattern has no match in the
/// window, so skipping the regex changes nothing, and when it passes the regex runs exactly as before and decides. A
/// rule is guarded only when it is the catalog rule itself (same pattern; for the tests on the run's shape also the same
/// reach and start, while the IBAN test reads the actual window), never a variant of it.
/// <para>Why the run's shape is enough for the rules that start in the run (no reach back, <c>After</c> 4): a match
/// starts at or after the run, is made of run characters only, and the character after the run is not one, so the
/// match lies in the run (no match fits in the three or fewer window characters past the next character); every
/// digit of the match, and every separator between two of its digits, is therefore counted in the shape.</para>
/// </remarks>
internal static class NumberPrechecks
{
    private static readonly SearchValues<char> LettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static NumberPrecheck For(MaskingRule rule) =>
        rule.Anchor != RuleAnchor.Numeric ? NumberPrecheck.None
        : InRun(rule, PiiRules.PaymentCard) ? NumberPrecheck.PaymentCard
        : InRun(rule, PiiRules.UsSsn) ? NumberPrecheck.UsSsn
        : InRun(rule, PiiRules.NorthAmericanPhone) ? NumberPrecheck.NorthAmericanPhone
        : InRun(rule, PiiRules.InternationalPhone) ? NumberPrecheck.InternationalPhone
        : InRun(rule, PiiRules.IPv4) ? NumberPrecheck.IPv4
        : rule.Pattern == PiiRules.Iban.Pattern ? NumberPrecheck.Iban
        : NumberPrecheck.None;

    /// <summary>False only when the rule's pattern has no match starting at or after <paramref name="earliest"/> in
    /// the window <paramref name="windowStart"/>..<paramref name="windowEnd"/>.</summary>
    public static bool MayMatch(
        NumberPrecheck check, in NumberShape run, ReadOnlySpan<char> text, int windowStart, int earliest, int windowEnd) =>
        check switch
        {
            // A prefix digit (2 to 6, the lookbehind: not after a digit or '-') then 10 to 17 digits, each after at most
            // one space or dash.
            NumberPrecheck.PaymentCard => run.LongestCardChain >= 11,

            // ddd-dd-dddd, then neither digit nor dash.
            NumberPrecheck.UsSsn => run.HasSsnGroup,

            // Ten digits; the exchange ([2-9]dd after the area code's ')', ' ' or separator) and the line (four digits,
            // then no word character) split by one of " .-", the area code closed by ')' or by another separator.
            NumberPrecheck.NorthAmericanPhone =>
                run.HasLineGroup && (run.Spaces + run.Dashes + run.Dots) >= (run.ClosingParentheses > 0 ? 1 : 2),

            // Begins with '+' right before a digit.
            NumberPrecheck.InternationalPhone => run.Pluses > 0,

            // Four numbers split by three dots.
            NumberPrecheck.IPv4 => run.Dots >= 3,

            NumberPrecheck.Iban => MayHoldIban(text, windowStart, earliest, windowEnd),
            _ => true,
        };

    /// <summary>
    /// Whether a country code and check digits (two upper-case letters, two digits) can start a match: at or after
    /// <paramref name="earliest"/>, at least 12 characters (the shortest IBAN the pattern takes) before the window's
    /// end, not right after a letter or digit (the pattern's lookbehind, which sees no character before the window).
    /// </summary>
    private static bool MayHoldIban(ReadOnlySpan<char> text, int windowStart, int earliest, int windowEnd)
    {
        const int ShortestMatch = 12;
        var last = windowEnd - ShortestMatch;
        var p = earliest;
        while (p <= last)
        {
            var rel = text[p..(last + 1)].IndexOfAnyInRange('A', 'Z');
            if (rel < 0)
            {
                return false;
            }

            p += rel;
            if ((p == windowStart || !char.IsAsciiLetterOrDigit(text[p - 1])) &&
                char.IsAsciiLetterUpper(text[p + 1]) && char.IsAsciiDigit(text[p + 2]) && char.IsAsciiDigit(text[p + 3]))
            {
                return true;
            }

            // No match starts inside the rest of this word: each of its characters follows a letter or digit.
            var word = text[(p + 1)..(last + 1)].IndexOfAnyExcept(LettersAndDigits);
            if (word < 0)
            {
                return false;
            }

            p += 1 + word;
        }

        return false;
    }

    private static bool InRun(MaskingRule rule, MaskingRule catalog) =>
        rule.Pattern == catalog.Pattern && rule.Before == 0 && rule.StartsInRun && rule.After <= catalog.After;
}
