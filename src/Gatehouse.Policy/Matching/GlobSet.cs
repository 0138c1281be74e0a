namespace Gatehouse.Policy.Matching;

/// <summary>Any-of a list of globs; plain names go through one hash set so long user or model lists stay O(1).</summary>
internal sealed class GlobSet
{
    private readonly HashSet<string> _literals;
    private readonly Glob[] _patterns;

    public GlobSet(IReadOnlyList<string> patterns)
    {
        Patterns = patterns;
        _literals = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var globs = new List<Glob>();
        foreach (var pattern in patterns)
        {
            if (IsLiteral(pattern))
            {
                _literals.Add(pattern);
            }
            else
            {
                globs.Add(Glob.Compile(pattern));
            }
        }

        _patterns = [.. globs];
    }

    public IReadOnlyList<string> Patterns { get; }

    public static bool IsLiteral(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') < 0;

    /// <summary>Returns the first pattern that matches <paramref name="text"/>, or <see langword="null"/>.</summary>
    public string? FirstMatch(string text)
    {
        if (_literals.TryGetValue(text, out var literal))
        {
            return literal;
        }

        foreach (var glob in _patterns)
        {
            if (glob.IsMatch(text))
            {
                return glob.Pattern;
            }
        }

        return null;
    }
}
