namespace Gatehouse.Masking.Detection;

/// <summary>Turns overlapping candidates into disjoint findings, deterministically and without leaking any part.</summary>
/// <remarks>
/// <para>Private-key blocks (which never overlap one another: the scanner ignores a BEGIN inside a block) win over
/// everything: another candidate inside a block is dropped, one that starts before a block is cut at the block's
/// start. Other candidates are taken in order of start, then length (longest first), then rule index; a candidate that
/// overlaps the one before is merged into it, so the union is masked under the first one's rule and no tail of a
/// longer overlapping match escapes.</para>
/// <para>A decision depends only on candidates that start no later than the decided span ends, so a streaming scan
/// that holds back every candidate crossing its release point makes the same decisions as a whole-text scan.</para>
/// </remarks>
internal static class OverlapResolver
{
    /// <summary>Sorts <paramref name="candidates"/> and writes the resolved findings, in order, to its front.</summary>
    /// <param name="candidates">The candidates; reordered and rewritten in place.</param>
    /// <param name="openBlockStart">Start of a block whose end is not known yet; it covers everything after it.</param>
    /// <returns>How many findings there are.</returns>
    public static int Resolve(Span<Candidate> candidates, int openBlockStart)
    {
        candidates.Sort(static (a, b) =>
        {
            var byStart = a.Start.CompareTo(b.Start);
            if (byStart != 0)
            {
                return byStart;
            }

            var byLength = b.Length.CompareTo(a.Length);
            return byLength != 0 ? byLength : a.RuleIndex.CompareTo(b.RuleIndex);
        });

        var blockCount = 0;
        foreach (var c in candidates)
        {
            blockCount += c.IsBlock ? 1 : 0;
        }

        var blocks = blockCount <= 8 ? stackalloc Candidate[blockCount] : new Candidate[blockCount];
        blockCount = 0;
        foreach (var c in candidates)
        {
            if (c.IsBlock)
            {
                blocks[blockCount++] = c;
            }
        }

        var written = 0;
        var nextBlock = 0;
        Candidate? current = null;
        foreach (var candidate in candidates)
        {
            if (candidate.IsBlock)
            {
                continue;
            }

            while (nextBlock < blocks.Length && blocks[nextBlock].End <= candidate.Start)
            {
                nextBlock++;
            }

            var limit = Math.Min(openBlockStart, nextBlock < blocks.Length ? blocks[nextBlock].Start : int.MaxValue);
            if (candidate.Start >= limit)
            {
                continue;
            }

            var c = candidate.End > limit ? candidate with { Length = limit - candidate.Start } : candidate;
            if (current is { } open && c.Start < open.End)
            {
                current = open with { Length = Math.Max(open.End, c.End) - open.Start };
                continue;
            }

            if (current is { } done)
            {
                candidates[written++] = done;
            }

            current = c;
        }

        if (current is { } last)
        {
            candidates[written++] = last;
        }

        foreach (var block in blocks)
        {
            candidates[written++] = block;
        }

        candidates[..written].Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return written;
    }
}
