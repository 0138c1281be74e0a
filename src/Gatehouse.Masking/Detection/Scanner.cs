using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Gatehouse.Masking.Rules;

namespace Gatehouse.Masking.Detection;

/// <summary>Finds candidate matches: prefilter hits first, then each triggered rule's pattern in its window only.</summary>
/// <remarks>
/// <para>Stages: (1) one vectorised pass over the text for all keywords; for each hit, each rule owning the keyword
/// runs its regex in the window around the hit. (2) One pass over numeric runs for the keyword-less number rules.
/// (3) For a text that may continue (<c>final</c> false), a window that reaches past the end is not run but reported
/// as pending, so that the caller releases nothing a later match could cover.</para>
/// <para>A window is a pure function of the text around the hit, which is what makes a streaming scan with enough
/// left context see exactly what a whole-text scan sees.</para>
/// </remarks>
internal static class Scanner
{
    /// <summary>How far after an operator character a <see cref="MaskingRule.StartsAfterOperator"/> match may start:
    /// the operator's last character, up to four whitespace characters and an escaped quote.</summary>
    public const int OperatorReach = 7;

    private const int StackHits = 256;

    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n\f\v");

    private static readonly SearchValues<char> Operators = SearchValues.Create(":=>");

    /// <summary>Adds the candidates that start at or after <paramref name="minStart"/>.</summary>
    /// <remarks>The hit buffer is only read where written: not zeroing its 2 KB matters for short texts.</remarks>
    [SkipLocalsInit]
    public static ScanState Scan(
        CompiledRuleSet set, ReadOnlySpan<char> text, int minStart, bool final, ref PooledList<Candidate> output)
    {
        var pending = text.Length;
        var firstFound = output.Count;
        var openBlock = text.Length;
        var openBlockRule = -1;
        var blockEnd = 0;

        // A hit further back than the widest reach ends its window before minStart: nothing it finds is wanted.
        var pos = Math.Max(0, minStart - set.LongestReachAfterHit);
        var size = set.Keywords.HitBufferSize;
        var onHeap = size > StackHits ? new KeywordHit[size] : null;
        var hits = onHeap ?? stackalloc KeywordHit[StackHits];
        while (pos < text.Length)
        {
            var count = set.Keywords.Collect(text, pos, hits, out pos);
            foreach (var (hit, keyword) in hits[..count])
            {
                var entry = set.Keywords[keyword];
                foreach (var ruleIndex in entry.Rules)
                {
                    var rule = set.Rules[ruleIndex];
                    if (rule.Rule.Anchor == RuleAnchor.Block)
                    {
                        if (hit >= minStart && hit >= blockEnd && hit < openBlock)
                        {
                            blockEnd = ScanBlock(rule, text, hit, final, ref pending, ref openBlock, ref openBlockRule, ref output);
                        }
                    }
                    else
                    {
                        RunWindow(rule, text, hit, hit + entry.Keyword.Length, minStart, final, ref pending, ref output);
                    }
                }
            }
        }

        if (set.NumericRules.Length > 0)
        {
            NumberScanner.Scan(set, text, minStart, final, ref pending, ref output);
        }

        if (!final)
        {
            pending = Math.Min(pending, set.Keywords.PendingFromPartialKeyword(text));
            foreach (var guard in set.TailGuards)
            {
                pending = Math.Min(pending, guard.PendingFrom(text));
            }
        }

        pending = AfterCompleteBlocks(pending, output.Span[firstFound..]);
        return new ScanState(Math.Min(pending, openBlock), openBlock, openBlockRule);
    }

    /// <summary>
    /// Where holding back must start, given that nothing starting inside a complete block survives resolution (the
    /// block is masked whole): a possible match from inside one holds nothing of it back. Without this, a token shape
    /// near a key's end line held back from inside the key, the key could not be released in part, and the text after
    /// it reached the cap and was masked too.
    /// </summary>
    private static int AfterCompleteBlocks(int pending, ReadOnlySpan<Candidate> found)
    {
        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var c in found)
            {
                if (c.IsBlock && c.Start <= pending && pending < c.End)
                {
                    pending = c.End;
                    moved = true;
                }
            }
        }

        return pending;
    }

    private static void RunWindow(
        CompiledRule rule, ReadOnlySpan<char> text, int hit, int hitEnd, int minStart, bool final, ref int pending,
        ref PooledList<Candidate> output, int earliestStart = -1)
    {
        if (rule.CharBefore is { } charBefore && (hit == 0 || !charBefore.Contains(text[hit - 1])))
        {
            return;
        }

        var earliest = earliestStart >= 0 ? earliestStart : Math.Max(0, hit - rule.Rule.Before);
        var windowStart = Math.Max(0, earliest - CompiledRuleSet.Margin);
        var wanted = (long)hitEnd + rule.Rule.After;
        var windowEnd = (int)Math.Min(wanted, text.Length);
        var complete = final || wanted <= text.Length;
        if (rule.Rule.StopsAtWhitespace)
        {
            var space = text[hitEnd..windowEnd].IndexOfAny(Whitespace);
            if (space >= 0)
            {
                windowEnd = hitEnd + space + 1;
                complete = true;
            }
        }

        if (windowEnd <= minStart)
        {
            return;
        }

        if (!complete)
        {
            pending = Math.Min(pending, earliest);
            return;
        }

        var window = text[windowStart..windowEnd];
        var at = new WindowContext(rule, windowStart, windowEnd, earliest, minStart, final);
        if (rule.AnchoredRegex is { } anchored)
        {
            // With OperatorWithin, only the operators that can follow this hit's keyword are tried.
            var within = rule.Rule.OperatorWithin;
            var searchFrom = within > 0 ? Math.Max(0, hitEnd - windowStart) : 0;
            var searchTo = within > 0 ? Math.Min(window.Length, hitEnd - windowStart + within + 1) : window.Length;
            RunAfterOperators(anchored, rule.AnchoredLookbehind, text, window, searchFrom, searchTo, at, ref pending, ref output);
            return;
        }

        // A match that cannot begin before the run cannot begin in the margin either: skip trying there.
        var from = rule.Rule.StartsInRun ? earliest - windowStart : 0;
        while (from <= window.Length && FirstMatch.TryFind(rule.Regex, window, from, out var match))
        {
            var holds = AddMatch(text, at, windowStart + match.Index, match.Length, ref pending, ref output);
            from = match.Index + (holds ? Math.Max(match.Length, 1) : 1);
        }
    }

    /// <summary>
    /// The same matches as enumerating the window, trying the anchored pattern only where a match can start: at most
    /// <see cref="OperatorReach"/> characters after an operator character, left to right, resuming after each match
    /// that holds its characters and at the next position after any other.
    /// </summary>
    private static void RunAfterOperators(
        Regex anchored, Regex? lookbehind, ReadOnlySpan<char> text, ReadOnlySpan<char> window, int searchFrom,
        int searchTo, in WindowContext at, ref int pending, ref PooledList<Candidate> output)
    {
        var next = 0;
        var from = searchFrom;
        while (from < searchTo)
        {
            var rel = window[from..searchTo].IndexOfAny(Operators);
            if (rel < 0)
            {
                return;
            }

            var op = from + rel;
            var last = Math.Min(op + OperatorReach, window.Length);
            for (var m = Math.Max(op + 1, next); m <= last; m++)
            {
                var matches = anchored.EnumerateMatches(window, m);
                if (matches.MoveNext() && (lookbehind is null || lookbehind.IsMatch(window, m)))
                {
                    var match = matches.Current;
                    if (AddMatch(text, at, at.WindowStart + match.Index, match.Length, ref pending, ref output))
                    {
                        m = match.Index + Math.Max(match.Length, 1) - 1;
                    }
                }

                next = m + 1;
            }

            from = op + 1;
        }
    }

    /// <summary>Decides one match of a window: adds it when it is accepted and starts at or after the scan's
    /// <see cref="WindowContext.MinStart"/>.</summary>
    /// <returns>
    /// Whether the match holds its characters, so that the window resumes after it: only a match of this window (at or
    /// after its earliest start) that is accepted, or pending because the text may continue it. A rejected match hides
    /// nothing: the window goes on trying at the next position, inside it. A match before the scan's minimum start is
    /// decided as in the whole text (it was reported by an earlier scan), so a window finds the same matches whatever
    /// part of the text a scan reports.
    /// </returns>
    private static bool AddMatch(
        ReadOnlySpan<char> text, in WindowContext at, int start, int length, ref int pending, ref PooledList<Candidate> output)
    {
        if (start < at.Earliest || length == 0)
        {
            return false;
        }

        var rule = at.Rule;
        var end = start + length;
        if (end == at.WindowEnd && rule.ExtendOver is { } extendOver && end < text.Length)
        {
            var stop = text[end..].IndexOfAnyExcept(extendOver);
            if (stop < 0 && !at.Final)
            {
                pending = start < at.MinStart ? pending : Math.Min(pending, start);
                return true;
            }

            end = stop < 0 ? text.Length : end + stop;
        }

        var window = text[at.WindowStart..at.WindowEnd];
        if (!rule.Accepts(text[start..end]) || !rule.AcceptsInContext(window, start - at.WindowStart, end - at.WindowStart))
        {
            return false;
        }

        if (start >= at.MinStart)
        {
            output.Add(new Candidate(
                start, end - start, rule.Index, IsBlock: false, rule.IsPlaceholder(window, start - at.WindowStart, end - at.WindowStart)));
        }

        return true;
    }

    /// <returns>Where the block ends (the hit itself when there is no complete block there, or no key).</returns>
    private static int ScanBlock(
        CompiledRule rule, ReadOnlySpan<char> text, int hit, bool final, ref int pending,
        ref int openBlock, ref int openBlockRule, ref PooledList<Candidate> output)
    {
        // The window is the BEGIN line and what follows it, up to one body line: a key only when a body follows.
        var wanted = (long)hit + rule.Rule.After;
        var header = text[hit..(int)Math.Min(wanted, text.Length)];
        var matches = rule.Regex.EnumerateMatches(header);
        if (!matches.MoveNext() || matches.Current.Index != 0)
        {
            return hit;
        }

        switch (PrivateKeyBlocks.BodyFollows(header[matches.Current.Length..], complete: final || wanted <= text.Length))
        {
            case KeyBody.Undecided:
                pending = Math.Min(pending, hit);
                return hit;
            case KeyBody.None:
                return hit;
        }

        var end = PrivateKeyBlocks.FindEnd(text, hit + matches.Current.Length, out _);
        if (end < 0 && !final)
        {
            openBlock = hit;
            openBlockRule = rule.Index;
            return hit;
        }

        end = end >= 0 ? end : text.Length;
        output.Add(new Candidate(hit, end - hit, rule.Index, IsBlock: true));
        return end;
    }
}
