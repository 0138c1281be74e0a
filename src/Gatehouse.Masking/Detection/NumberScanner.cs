using System.Diagnostics;

namespace Gatehouse.Masking.Detection;

/// <summary>The scan for the keyword-less number rules: one pass over the runs of digits and separators.</summary>
/// <remarks>
/// <see cref="NumberRunFinder"/> yields the runs that may hold a number (64 characters at a time). For each, its shape (digits, separators) is counted once; each rule's pattern then runs
/// in its window only when the rule's exact pre-check (<see cref="NumberPrechecks"/>) allows a match there. For a text
/// that may continue, a run or window that reaches its end is reported as pending instead.
/// </remarks>
internal static class NumberScanner
{
    public static void Scan(
        CompiledRuleSet set, ReadOnlySpan<char> text, int minStart, bool final, ref int pending,
        ref PooledList<Candidate> output)
    {
        var from = Math.Max(0, minStart - NumericTokens.MaxLength - set.NumericMaxAfter - 1);
        while (from > 0 && NumericTokens.IsRunChar(text[from - 1]))
        {
            from--;
        }

        while (NumberRunFinder.TryFindNext(text, from, out var start, out var end, out var runEnd, out var qualifies))
        {
            from = Math.Max(runEnd, start + 1);
            if (!final && runEnd == text.Length && runEnd - start <= NumericTokens.MaxLength)
            {
                pending = Math.Min(pending, NumericTokens.EarliestMatchStart(text, start, set.NumericMaxBefore));
                continue;
            }

            if (!qualifies)
            {
                continue;
            }

            var shape = NumberShape.Of(text[start..end], start > 0 ? text[start - 1] : ' ');

            // A rule that cannot reach back starts no earlier than the run, wherever an IBAN could.
            var reachBack = -1;
            foreach (var rule in set.NumericRules)
            {
                var earliest = start;
                if (rule.Rule.Before > 0)
                {
                    reachBack = reachBack >= 0 ? reachBack : NumericTokens.EarliestMatchStart(text, start, set.NumericMaxBefore);
                    earliest = Math.Max(reachBack, start - rule.Rule.Before);
                }

                RunWindow(rule, shape, text, end, earliest, minStart, final, ref pending, ref output);
            }
        }

        if (!final)
        {
            // A number may begin with the next character (after a '+' or '(' that the token would include).
            var next = text.Length;
            while (next > 0 && text.Length - next < 2 && text[next - 1] is '+' or '(')
            {
                next--;
            }

            pending = Math.Min(pending, NumericTokens.EarliestMatchStart(text, next, set.NumericMaxBefore));
        }
    }

    /// <summary>
    /// The window of one number rule, as <see cref="Scanner"/> runs a keyword rule's: number rules never use the
    /// keyword-only options (a character before the hit, operator anchoring, whitespace stops, extension).
    /// </summary>
    private static void RunWindow(
        CompiledRule rule, in NumberShape shape, ReadOnlySpan<char> text, int hitEnd, int earliest, int minStart,
        bool final, ref int pending, ref PooledList<Candidate> output)
    {
        Debug.Assert(rule.CharBefore is null && rule.AnchoredRegex is null && rule.ExtendOver is null && !rule.Rule.StopsAtWhitespace);
        var windowStart = Math.Max(0, earliest - CompiledRuleSet.Margin);
        var wanted = (long)hitEnd + rule.Rule.After;
        var windowEnd = (int)Math.Min(wanted, text.Length);
        if (windowEnd <= minStart)
        {
            return;
        }

        if (!final && wanted > text.Length)
        {
            pending = Math.Min(pending, earliest);
            return;
        }

        if (!NumberPrechecks.MayMatch(rule.Precheck, shape, text, windowStart, earliest, windowEnd))
        {
            return;
        }

        // As in a keyword window, a rejected match hides nothing: only an accepted one is resumed after (a match before
        // minStart is decided as in the whole text, not reported).
        var window = text[windowStart..windowEnd];
        var from = rule.Rule.StartsInRun ? earliest - windowStart : 0;
        while (from <= window.Length && FirstMatch.TryFind(rule.Regex, window, from, out var match))
        {
            var matchStart = windowStart + match.Index;
            var accepted = matchStart >= earliest && match.Length > 0 && rule.Accepts(text.Slice(matchStart, match.Length));
            if (accepted && matchStart >= minStart)
            {
                output.Add(new Candidate(matchStart, match.Length, rule.Index, IsBlock: false));
            }

            from = match.Index + (accepted ? match.Length : 1);
        }
    }
}
