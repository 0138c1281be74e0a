namespace Gatehouse.Masking.Detection;

/// <summary>
/// Finds the keywords that start at one position, whatever the characters there: the exact <see cref="TrigramFilter"/>
/// check (which folds the non-ASCII letters that case-fold to ASCII), then an ordinal ignore-case comparison with the
/// few keywords of the position's prefix buckets. <see cref="QuadFilter"/> uses it where its ASCII fast path cannot
/// decide: windows holding a non-ASCII character and the last three positions of a text.
/// </summary>
internal sealed class ExactKeywordMatcher
{
    private readonly string[] _keywords;
    private readonly TrigramFilter _filter;
    private readonly int[][] _byBucket = new int[4096][];

    public ExactKeywordMatcher(string[] keywords)
    {
        _keywords = keywords;
        _filter = new TrigramFilter(keywords);
        foreach (var group in Enumerable.Range(0, keywords.Length)
                     .GroupBy(k => TrigramFilter.Bucket(keywords[k], 0, Math.Min(keywords[k].Length, 3))))
        {
            _byBucket[group.Key] = [.. group];
        }

        MaxAtOnePosition = _byBucket.Where(b => b is not null).Select(b => b.Length).DefaultIfEmpty(0).Max() * 3;
    }

    /// <summary>An upper bound of the keywords one position can add.</summary>
    public int MaxAtOnePosition { get; }

    /// <summary>Adds the keywords that start at <paramref name="i"/>; false, adding nothing, when
    /// <paramref name="hits"/> may not have room for them.</summary>
    public bool TryAddAt(ReadOnlySpan<char> text, int i, Span<KeywordHit> hits, ref int count)
    {
        if (!_filter.IsCandidateAt(text, i))
        {
            return true;
        }

        if (count + MaxAtOnePosition > hits.Length)
        {
            return false;
        }

        for (var length = 1; length <= 3 && i + length <= text.Length; length++)
        {
            foreach (var keyword in _byBucket[TrigramFilter.Bucket(text, i, length)] ?? [])
            {
                if (text[i..].StartsWith(_keywords[keyword], StringComparison.OrdinalIgnoreCase))
                {
                    hits[count++] = new KeywordHit(i, keyword);
                }
            }
        }

        return true;
    }
}
