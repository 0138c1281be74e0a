using CsCheck;
using Gatehouse.Testing;
using static Gatehouse.Policy.Tests.TestPolicies;

namespace Gatehouse.Policy.Tests;

public sealed class EffectOrderPropertyTests
{
    private static readonly string[] Effects = ["allow", "deny", "require_approval"];
    private static readonly string[] Groups = ["dev", "ops", "contractors"];

    [Fact]
    public void Evaluate_AnyRuleSetAndAnyOrder_EffectIsTheStrictestMatching()
    {
        var rule = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2]);
        Gen.Select(rule.Array[1, 8], Gen.Int[0, 2], Gen.Int).ForAll((rules, callerGroup, seed) =>
        {
            var expected = rules.Where(r => r.Item2 == callerGroup).Select(r => (PolicyEffect?)Rank(Effects[r.Item1])).Max() ?? PolicyEffect.Deny;
            var shuffled = rules.OrderBy(r => HashCode.Combine(r, seed)).ToArray();
            foreach (var order in new[] { rules, shuffled })
            {
                var yaml = "rules:\n" + string.Concat(order.Select((r, i) =>
                    $"  - name: r{i}\n    match: {{groups: [{Groups[r.Item2]}]}}\n    effect: {Effects[r.Item1]}\n"
                    + (r.Item1 == 2 ? "    approval: {reviewer_groups: [security]}\n" : "")));
                var decision = new PolicyEvaluator(Load(yaml)).Evaluate(Exchange(groups: [Groups[callerGroup]]));
                Assert.Equal(expected, decision.Effect);
            }
        }, iter: 200);
    }

    private static PolicyEffect Rank(string effect) => effect switch
    {
        "allow" => PolicyEffect.Allow,
        "deny" => PolicyEffect.Deny,
        _ => PolicyEffect.RequireApproval,
    };
}
