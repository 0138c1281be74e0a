namespace Gatehouse.Masking.Detection;

/// <summary>Chooses a non-overlapping set of candidates, deterministically.</summary>
/// <remarks>
/// Private-key blocks (which never overlap one another: the scanner ignores a BEGIN inside a block) win over
/// everything they overlap, so a token rule matching inside a key never shortens the masked block. Other candidates
/// are taken left to right: the earliest start wins, then the longest, then the lowest rule index. A choice depends
/// only on candidates that start no later, so a streaming scan that has decided everything before an offset makes
/// the same choices there as a whole-text scan.
/// </remarks>
internal static class OverlapResolver
{
    /// <summary>Sorts <paramref name="candidates"/> and moves the chosen ones, in order, to the front.</summary>
    /// <param name="candidates">The candidates; reordered in place.</param>
    /// <param name="openBlockStart">Start of a block whose end is not known yet; it overlaps everything after it.</param>
    /// <returns>How many candidates were chosen.</returns>
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

        var lastEnd = -1;
        var block = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            if (c.IsBlock)
            {
                continue;
            }

            while (block < candidates.Length && !(candidates[block].IsBlock && candidates[block].End > c.Start))
            {
                block++;
            }

            var overlapsBlock = block < candidates.Length && candidates[block].Start < c.End;
            if (c.Start >= lastEnd && !overlapsBlock && c.End <= openBlockStart)
            {
                lastEnd = c.End;
            }
            else
            {
                candidates[i] = c with { Length = -1 };
            }
        }

        var kept = 0;
        foreach (var c in candidates)
        {
            if (c.Length >= 0)
            {
                candidates[kept++] = c;
            }
        }

        return kept;
    }
}
