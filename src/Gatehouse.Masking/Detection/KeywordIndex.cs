namespace Gatehouse.Masking.Detection;

/// <summary>
/// The prefilter: finds every occurrence of every rule keyword in one pass, ASCII case-insensitive.
/// </summary>
/// <remarks>
/// A <see cref="QuadFilter"/> proposes positions (one hashed four-character lookup per character, then an exact
/// <see cref="TrigramFilter"/> check); each is confirmed against
/// the few keywords of its prefix bucket. Keywords are ASCII and compared in place (ordinal ignore-case), so a hit's
/// offset is always an offset in the original text (no case-folded copy whose length could differ).
/// </remarks>
internal sealed class KeywordIndex
{
    private readonly QuadFilter _filter;
    private readonly KeywordEntry[][] _byBucket = new KeywordEntry[4096][];
    private readonly KeywordEntry[][] _byFirstChar = new KeywordEntry[128][];
    private readonly KeywordEntry[] _all;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _properPrefixes;

    public KeywordIndex(IReadOnlyList<KeywordEntry> entries)
    {
        _all = [.. entries];
        _filter = new QuadFilter([.. _all.Select(e => e.Keyword)]);
        foreach (var group in _all.GroupBy(e => TrigramFilter.Bucket(e.Keyword, 0, Math.Min(e.Keyword.Length, 3))))
        {
            _byBucket[group.Key] = [.. group];
        }
        foreach (var group in _all.GroupBy(e => char.ToLowerInvariant(e.Keyword[0])))
        {
            _byFirstChar[group.Key] = [.. group];
        }

        var prefixes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in _all)
        {
            for (var length = 1; length < entry.Keyword.Length; length++)
            {
                var prefix = entry.Keyword[..length];
                prefixes[prefix] = Math.Max(prefixes.GetValueOrDefault(prefix), entry.MaxBefore);
            }
        }

        _properPrefixes = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxKeywordLength = _all.Length == 0 ? 0 : _all.Max(e => e.Keyword.Length);
    }

    public int MaxKeywordLength { get; }

    public IEnumerable<string> Keywords => _all.Select(e => e.Keyword);

    /// <summary>
    /// The next position at or after <paramref name="from"/> where a keyword may start (a superset of the hits: callers
    /// confirm each keyword); -1 when there is none.
    /// </summary>
    public int NextCandidate(ReadOnlySpan<char> text, int from) => _all.Length == 0 ? -1 : _filter.Next(text, from);

    /// <summary>The keywords that may start at <paramref name="i"/>; callers confirm each with a comparison.</summary>
    /// <param name="text">The text.</param>
    /// <param name="i">The candidate position.</param>
    /// <param name="length">1, 2 or 3: the bucket of one-character, two-character or longer keywords.</param>
    public ReadOnlySpan<KeywordEntry> At(ReadOnlySpan<char> text, int i, int length) =>
        _byBucket[TrigramFilter.Bucket(text, i, length)];

    /// <summary>The keywords that may start with <paramref name="c"/>; callers confirm with a comparison.</summary>
    public ReadOnlySpan<KeywordEntry> StartingWith(char c)
    {
        var lower = char.ToLowerInvariant(c);
        return lower < 128 ? _byFirstChar[lower] : _all;
    }

    /// <summary>
    /// The earliest offset at which a match could start if the text's end is the beginning of a keyword that the next
    /// text would complete; the text length when no suffix is a keyword prefix.
    /// </summary>
    public int PendingFromPartialKeyword(ReadOnlySpan<char> text)
    {
        var earliest = text.Length;
        var longest = Math.Min(MaxKeywordLength - 1, text.Length);
        for (var length = 1; length <= longest; length++)
        {
            var start = text.Length - length;
            var first = char.ToLowerInvariant(text[start]);
            if (first < 128 && _byFirstChar[first] is null)
            {
                continue;
            }

            if (_properPrefixes.TryGetValue(text[start..], out var before))
            {
                earliest = Math.Min(earliest, Math.Max(0, start - before));
            }
        }

        return earliest;
    }
}
