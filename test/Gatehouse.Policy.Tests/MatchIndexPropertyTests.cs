using CsCheck;
using Gatehouse.Policy.Context;
using Gatehouse.Policy.Evaluation;
using Gatehouse.Policy.Matching;
using Gatehouse.Testing;

namespace Gatehouse.Policy.Tests;

public sealed class MatchIndexPropertyTests
{
    private static readonly string[] Values = ["a", "b", "ab", "team-1", "Team-2", ""];
    private static readonly string[] Patterns = ["a", "b", "A*", "team-*", "*-2", "?b"];
    private static readonly string[] Keys = ["connections", "users", "groups", "api_keys", "models", "request_paths", "findings"];

    [Fact]
    public void Candidates_AnyRulesAndContext_SameAsCheckingEachRule()
    {
        var key = Gen.Select(Gen.Int[0, Keys.Length - 1], Gen.Int[0, Patterns.Length - 1].Array[1, 3]);
        var rule = Gen.Select(key.Array[0, 3], Gen.Int[0, 2], Gen.Int[0, 4]);
        var value = Gen.Int[0, Values.Length - 1];
        var context = Gen.Select(value.Array[9], Gen.Int[0, 1], Gen.Int[0, 3]);

        Gen.Select(rule.Array[1, 70], context).ForAll((rules, c) =>
        {
            var yaml = "rules:\n" + string.Concat(rules.Select((r, i) => $"  - name: r{i}\n    match: {Match(r.Item1, r.Item2, r.Item3)}\n    effect: allow\n"));
            var document = TestPolicies.Load(yaml);
            var v = c.Item1;
            var exchange = new PolicyContext
            {
                Connection = Values[v[0]],
                Identity = new PolicyIdentity { Subject = Values[v[1]], Email = Values[v[2]], KeyName = Values[v[3]], Groups = [Values[v[4]], Values[v[5]]] },
                Model = Values[v[6]],
                Path = Values[v[7]],
                Findings = [new PolicyFinding(Values[v[8]], Values[v[0]], PolicyDirection.Request)],
                Direction = (PolicyDirection)c.Item2,
                Api = (PolicyApi)c.Item3,
            };
            var index = new MatchIndex(document.Rules);
            var candidates = new ulong[index.Words];
            index.Candidates(exchange, candidates, new ulong[index.Words]);
            var scope = new EvaluationScope(exchange, new HashSet<string>(document.PathArguments));

            for (var i = 0; i < document.Rules.Count; i++)
            {
                var indexed = (candidates[i / 64] & (1UL << (i % 64))) != 0;
                Assert.Equal(document.Rules[i].Match.Matches(scope, null), indexed);
            }
        }, iter: 150);
    }

    private static string Match((int Key, int[] Patterns)[] keys, int direction, int api)
    {
        var parts = keys.DistinctBy(k => k.Key).Select(k => $"{Keys[k.Key]}: [{string.Join(", ", k.Patterns.Select(p => $"'{Patterns[p]}'"))}]").ToList();
        if (direction < 2)
        {
            parts.Add(direction == 0 ? "direction: request" : "direction: response");
        }

        if (api < 4)
        {
            parts.Add($"api: {new[] { "http", "chat", "responses", "messages" }[api]}");
        }

        return "{" + string.Join(", ", parts) + "}";
    }
}
