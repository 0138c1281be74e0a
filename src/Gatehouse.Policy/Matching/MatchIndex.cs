using Gatehouse.Policy.Context;

namespace Gatehouse.Policy.Matching;

/// <summary>An inverted index over every rule's text and enum keys, built once per policy.</summary>
/// <remarks>
/// Testing 200 rules one by one costs hundreds of case-insensitive hash lookups per exchange. The index instead looks
/// each context value up once per key and ORs together the rules it lets through, so the candidates (rules whose
/// every text key holds) cost a handful of lookups and some 64-bit ANDs. Tool-call constraints and conditions are
/// then checked only for candidates. <see cref="RuleMatch.Matches"/> stays the reference and writes the trail.
/// </remarks>
internal sealed class MatchIndex
{
    private readonly KeyIndex[] _keys;
    private readonly ulong[][] _directions;
    private readonly ulong[][] _apis;

    public MatchIndex(IReadOnlyList<PolicyRule> rules)
    {
        Words = RuleBits.Words(rules.Count);
        _keys = [.. Enum.GetValues<KeyKind>().Select(_ => new KeyIndex(Words))];
        _directions = [.. Enum.GetValues<PolicyDirection>().Select(_ => new ulong[Words])];
        _apis = [.. Enum.GetValues<PolicyApi>().Select(_ => new ulong[Words])];
        for (var i = 0; i < rules.Count; i++)
        {
            var match = rules[i].Match;
            foreach (var kind in Enum.GetValues<KeyKind>())
            {
                _keys[(int)kind].Add(i, Set(match, kind));
            }

            foreach (var direction in Enum.GetValues<PolicyDirection>())
            {
                if (match.Direction is null || match.Direction == direction)
                {
                    RuleBits.Set(_directions[(int)direction], i);
                }
            }

            foreach (var api in Enum.GetValues<PolicyApi>())
            {
                if (match.Apis is null || match.Apis.Contains(api))
                {
                    RuleBits.Set(_apis[(int)api], i);
                }
            }
        }

        foreach (var key in _keys)
        {
            key.Seal();
        }
    }

    public int Words { get; }

    /// <summary>Writes into <paramref name="candidates"/> the rules whose direction, api and text keys all hold.</summary>
    /// <param name="context">The context.</param>
    /// <param name="candidates">Receives the candidate rules.</param>
    /// <param name="scratch">Working space of the same length.</param>
    /// <param name="ignoreFindings">Whether to let every <c>findings</c> key through, when the findings are not known yet.</param>
    /// <param name="ignoreModelAndPath">Whether to let every <c>models</c> and <c>paths</c> key through, when the exchange's are not known.</param>
    public void Candidates(PolicyContext context, Span<ulong> candidates, Span<ulong> scratch, bool ignoreFindings = false, bool ignoreModelAndPath = false)
    {
        _directions[(int)context.Direction].CopyTo(candidates);
        RuleBits.And(candidates, _apis[(int)context.Api]);
        var identity = context.Identity;
        Narrow(KeyKind.Connections, context.Connection, null, candidates, scratch);
        Narrow(KeyKind.Users, identity.Subject, identity.Email, candidates, scratch);
        Narrow(KeyKind.ApiKeys, identity.KeyName, null, candidates, scratch);
        if (!ignoreModelAndPath)
        {
            Narrow(KeyKind.Models, context.Model, null, candidates, scratch);
            Narrow(KeyKind.RequestPaths, context.Path, null, candidates, scratch);
        }

        var groups = _keys[(int)KeyKind.Groups];
        groups.Unconstrained.CopyTo(scratch);
        for (var i = 0; i < identity.Groups.Count; i++)
        {
            groups.Accept(identity.Groups[i], scratch);
        }

        RuleBits.And(candidates, scratch);
        if (ignoreFindings)
        {
            return;
        }

        var findings = _keys[(int)KeyKind.Findings];
        findings.Unconstrained.CopyTo(scratch);
        for (var i = 0; i < context.Findings.Count; i++)
        {
            findings.Accept(context.Findings[i].Rule, scratch);
            findings.Accept(context.Findings[i].Category, scratch);
        }

        RuleBits.And(candidates, scratch);
    }

    private void Narrow(KeyKind kind, string value, string? second, Span<ulong> candidates, Span<ulong> scratch)
    {
        var key = _keys[(int)kind];
        key.Unconstrained.CopyTo(scratch);
        key.Accept(value, scratch);
        if (second is not null)
        {
            key.Accept(second, scratch);
        }

        RuleBits.And(candidates, scratch);
    }

    private static GlobSet? Set(RuleMatch match, KeyKind kind) => kind switch
    {
        KeyKind.Connections => match.Connections,
        KeyKind.Users => match.Users,
        KeyKind.Groups => match.Groups,
        KeyKind.ApiKeys => match.ApiKeys,
        KeyKind.Models => match.Models,
        KeyKind.RequestPaths => match.RequestPaths,
        _ => match.Findings,
    };
}
