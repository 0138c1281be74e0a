using Gatehouse.Masking.Detection;

namespace Gatehouse.Masking.Tests.Engine;

/// <summary>
/// The number scan as it was before the pre-checks, kept whole (its own run finder included) as the reference the
/// fast scan must equal: every qualifying run runs every number rule's pattern in its window.
/// </summary>
internal static class ReferenceNumberScan
{
    private const int MaxLength = 64;

    public static (List<Candidate> Candidates, int Pending) Run(CompiledRuleSet set, string text, int minStart, bool final)
    {
        var output = new List<Candidate>();
        var pending = text.Length;
        var from = Math.Max(0, minStart - MaxLength - set.NumericMaxAfter - 1);
        while (from > 0 && NumericTokens.IsRunChar(text[from - 1]))
        {
            from--;
        }

        while (TryFindNext(text, from, out var start, out var end, out var runEnd, out var qualifies))
        {
            from = Math.Max(runEnd, start + 1);
            var earliest = EarliestMatchStart(text, start, set.NumericMaxBefore);
            if (!final && runEnd == text.Length && runEnd - start <= MaxLength)
            {
                pending = Math.Min(pending, earliest);
                continue;
            }

            if (qualifies)
            {
                foreach (var rule in set.NumericRules)
                {
                    RunWindow(rule, text, start, end, minStart, final, ref pending, output, Math.Max(earliest, start - rule.Rule.Before));
                }
            }
        }

        if (!final)
        {
            var next = text.Length;
            while (next > 0 && text.Length - next < 2 && text[next - 1] is '+' or '(')
            {
                next--;
            }

            pending = Math.Min(pending, EarliestMatchStart(text, next, set.NumericMaxBefore));
        }

        return (output, pending);
    }

    private static void RunWindow(
        CompiledRule rule, string text, int hit, int hitEnd, int minStart, bool final, ref int pending,
        List<Candidate> output, int earliest)
    {
        Assert.True(rule.CharBefore is null && rule.AnchoredRegex is null && rule.ExtendOver is null && !rule.Rule.StopsAtWhitespace);
        var windowStart = Math.Max(0, earliest - CompiledRuleSet.Margin);
        var wanted = (long)hitEnd + rule.Rule.After;
        var windowEnd = (int)Math.Min(wanted, text.Length);
        if (windowEnd <= minStart)
        {
            return;
        }

        if (!(final || wanted <= text.Length))
        {
            pending = Math.Min(pending, earliest);
            return;
        }

        // Left to right, resuming after an accepted match and at the next position after a rejected one (which hides
        // nothing: a valid number may start inside it).
        var window = text[windowStart..windowEnd];
        var from = rule.Rule.StartsInRun ? earliest - windowStart : 0;
        for (var match = rule.Regex.Match(window, from); match.Success; match = rule.Regex.Match(window, from))
        {
            var start = windowStart + match.Index;
            var accepted = start >= earliest && match.Length > 0 && rule.Accepts(text.AsSpan(start, match.Length));
            if (accepted && start >= minStart)
            {
                output.Add(new Candidate(start, match.Length, rule.Index, IsBlock: false));
            }

            from = match.Index + (accepted ? match.Length : 1);
            if (from > window.Length)
            {
                break;
            }
        }
    }

    public static int EarliestMatchStart(string text, int tokenStart, int maxBefore)
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

    private static bool TryFindNext(string text, int from, out int start, out int end, out int runEnd, out bool qualifies)
    {
        start = end = runEnd = 0;
        qualifies = false;
        var rel = text.AsSpan(from).IndexOfAnyInRange('0', '9');
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
        while (runEnd < text.Length && runEnd - start <= MaxLength && NumericTokens.IsRunChar(text[runEnd]))
        {
            if (char.IsAsciiDigit(text[runEnd]))
            {
                digits++;
                lastDigit = runEnd;
            }

            runEnd++;
        }

        end = lastDigit + 1;
        qualifies = runEnd - start <= MaxLength && digits >= 4 && end - start >= 7;
        while (runEnd < text.Length && NumericTokens.IsRunChar(text[runEnd]))
        {
            qualifies = false;
            runEnd++;
        }

        return true;
    }
}
