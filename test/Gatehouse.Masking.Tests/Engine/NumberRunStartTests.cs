using CsCheck;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class NumberRunStartTests
{
    private static readonly CompiledRuleSet FromRun = ScanProbe.Compile(BuiltInRules.All);

    private static readonly CompiledRuleSet FromMargin = ScanProbe.Compile(BuiltInRules.All.Select(r => r with { StartsInRun = false }));

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

        piece.Array[1, 16].Select(string.Concat).ForAll(text =>
        {
            Assert.Equal(ScanProbe.Candidates(FromMargin, text), ScanProbe.Candidates(FromRun, text));
        }, iter: 1500);
    }
}
