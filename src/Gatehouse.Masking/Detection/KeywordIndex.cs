namespace Gatehouse.Masking.Detection;

/// <summary>
/// The prefilter: finds every occurrence of every rule keyword in one pass, ASCII case-insensitive.
/// </summary>
/// <remarks>
/// A <see cref="QuadFilter"/> finds them (one hashed four-character lookup per character, then a comparison with the
/// few keywords of that hash). Keywords are ASCII and compared in place (ordinal ignore-case), so a hit's
/// offset is always an offset in the original text (no case-folded copy whose length could differ).
/// </remarks>
internal sealed class KeywordIndex
{
    private readonly QuadFilter _filter;
    private readonly KeywordEntry[] _all;
    private readonly bool[] _firstChars = new bool[128];
    private readonly Dictionary<string, TailGuard[]>.AlternateLookup<ReadOnlySpan<char>> _properPrefixes;

    public KeywordIndex(IReadOnlyList<KeywordEntry> entries)
    {
        _all = [.. entries];
        _filter = new QuadFilter([.. _all.Select(e => e.Keyword)]);
        foreach (var entry in _all)
        {
            _firstChars[char.ToLowerInvariant(entry.Keyword[0]) & 0x7F] = true;
        }

        var prefixes = new Dictionary<string, TailGuard[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in _all)
        {
            for (var length = 1; length < entry.Keyword.Length; length++)
            {
                var prefix = entry.Keyword[..length];
                prefixes[prefix] = [.. prefixes.GetValueOrDefault(prefix, []).Union(entry.Reach)];
            }
        }

        _properPrefixes = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxKeywordLength = _all.Length == 0 ? 0 : _all.Max(e => e.Keyword.Length);
        HitBufferSize = Math.Max(256, 2 * _filter.MaxAtOnePosition);
    }

    public int MaxKeywordLength { get; }

    /// <summary>The size a hit buffer passed to <see cref="Collect"/> must have.</summary>
    public int HitBufferSize { get; }

    public IEnumerable<string> Keywords => _all.Select(e => e.Keyword);

    /// <summary>The keyword a hit names.</summary>
    public KeywordEntry this[int keyword] => _all[keyword];

    /// <summary>
    /// Writes the keyword occurrences at or after <paramref name="from"/> to <paramref name="hits"/> (at least
    /// <see cref="HitBufferSize"/> long), in order of position; <paramref name="resume"/> is where to continue, the
    /// text length when the text is done.
    /// </summary>
    public int Collect(ReadOnlySpan<char> text, int from, Span<KeywordHit> hits, out int resume)
    {
        if (_all.Length == 0)
        {
            resume = text.Length;
            return 0;
        }

        return _filter.Collect(text, from, hits, out resume);
    }

    /// <summary>
    /// The earliest offset at which a match could start if the text's end is the beginning of a keyword that the next
    /// text would complete; the text length when no suffix is a keyword prefix.
    /// </summary>
    /// <remarks>
    /// A rule that reaches back before its keyword reaches only over its <c>BeforeChars</c>, as for a keyword that has
    /// not begun to arrive (<see cref="TailGuard"/>): a partial keyword holds back that run, not its rules' whole
    /// <c>Before</c> over any character (which held a line of prose before <c>sk-</c> for a rule keyed on <c>-us</c>).
    /// </remarks>
    public int PendingFromPartialKeyword(ReadOnlySpan<char> text)
    {
        var earliest = text.Length;
        var longest = Math.Min(MaxKeywordLength - 1, text.Length);
        for (var length = 1; length <= longest; length++)
        {
            var start = text.Length - length;
            var first = char.ToLowerInvariant(text[start]);
            if (first < 128 && !_firstChars[first])
            {
                continue;
            }

            if (_properPrefixes.TryGetValue(text[start..], out var reach))
            {
                earliest = Math.Min(earliest, start);
                foreach (var guard in reach)
                {
                    earliest = Math.Min(earliest, guard.PendingFrom(text[..start]));
                }
            }
        }

        return earliest;
    }
}
