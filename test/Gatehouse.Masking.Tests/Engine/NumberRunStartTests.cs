using CsCheck;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Redaction;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class NumberRunStartTests
{
    private static readonly CompiledRuleSet FromRun = new(BuiltInRules.All, _ => RedactionStyle.Marker);

    private static readonly CompiledRuleSet FromMargin = new(
        [.. BuiltInRules.All.Select(r => r with { StartsInRun = false })], _ => RedactionStyle.Marker);

    [Fact]
    public void Catalog_NumberRulesWithoutReachBack_StartInRun() =>
        Assert.Equal(5, BuiltInRules.All.Count(r => r.StartsInRun && r.Before == 0));

    [Fact]
    public void Scan_NumberLikeText_FindsTheSameCandidatesAsStartingInTheMargin()
    {
        var examples = BuiltInRules.All.Where(r => r.StartsInRun).Select(r => r.Example).ToArray();
        var piece = Gen.Frequency(
            (4, Gen.String[Gen.Char['0', '9'], 1, 5]),
            (2, Gen.OneOf(examples)),
            (4, Gen.OneOf(" ", "-", ".", "(", ")", "+", "/", ":", "DE", "x", "\n", "+1 ", "4111", "6011", "555", "((", "++")));

        piece.Array[1, 16].Select(string.Concat).Sample(text =>
        {
            Assert.Equal(Candidates(FromMargin, text), Candidates(FromRun, text));
        }, iter: 1500);
    }

    private static List<Candidate> Candidates(CompiledRuleSet set, string text)
    {
        var output = default(PooledList<Candidate>);
        Scanner.Scan(set, text, 0, true, ref output);
        var list = output.Span.ToArray().ToList();
        output.Dispose();
        return list;
    }
}
