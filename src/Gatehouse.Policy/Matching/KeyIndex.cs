namespace Gatehouse.Policy.Matching;

/// <summary>For one match key: which rules accept any value, and which rules each literal or glob lets through.</summary>
internal sealed class KeyIndex(int words)
{
    private readonly Dictionary<string, ulong[]> _literals = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (Glob Glob, ulong[] Rules)> _globs = new(StringComparer.OrdinalIgnoreCase);
    private (Glob Glob, ulong[] Rules)[] _globList = [];

    public ulong[] Unconstrained { get; } = new ulong[words];

    public void Add(int rule, GlobSet? set)
    {
        if (set is null)
        {
            RuleBits.Set(Unconstrained, rule);
            return;
        }

        foreach (var pattern in set.Patterns)
        {
            if (GlobSet.IsLiteral(pattern))
            {
                RuleBits.Set(Rules(_literals, pattern), rule);
            }
            else
            {
                if (!_globs.TryGetValue(pattern, out var entry))
                {
                    entry = (Glob.Compile(pattern), new ulong[Unconstrained.Length]);
                    _globs[pattern] = entry;
                }

                RuleBits.Set(entry.Rules, rule);
            }
        }
    }

    public void Seal() => _globList = [.. _globs.Values];

    /// <summary>Adds to <paramref name="satisfied"/> every rule that <paramref name="value"/> lets through.</summary>
    public void Accept(string value, Span<ulong> satisfied)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (_literals.Count > 0 && _literals.TryGetValue(value, out var rules))
        {
            RuleBits.Or(satisfied, rules);
        }

        foreach (var (glob, globRules) in _globList)
        {
            if (glob.IsMatch(value))
            {
                RuleBits.Or(satisfied, globRules);
            }
        }
    }

    private ulong[] Rules(Dictionary<string, ulong[]> map, string key)
    {
        if (!map.TryGetValue(key, out var rules))
        {
            rules = new ulong[Unconstrained.Length];
            map[key] = rules;
        }

        return rules;
    }
}
