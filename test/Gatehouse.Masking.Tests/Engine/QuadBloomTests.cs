using CsCheck;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class QuadBloomTests
{
    private static readonly string[] Keywords = [.. BuiltInRules.All.SelectMany(r => r.Keywords).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static readonly QuadBloom Bloom = new(Keywords);

    [Fact]
    public void Passes_EveryKeywordOfThreeOrMoreCharactersInAsciiText_PassesBothStages()
    {
        // Each keyword, in any case, followed by eight ASCII characters so that the eight-character stage can look.
        var planted = Gen.OneOf(Keywords.Where(k => k.Length >= 3).ToArray())
            .Select(Gen.Int[0, 2], Gen.String[Gen.Char["abcxyz019_-. =\"/"], 8, 12], (k, mode, tail) =>
                (mode switch { 0 => k.ToLowerInvariant(), 1 => k.ToUpperInvariant(), _ => k }) + tail);

        planted.ForAll(text => Assert.True(Bloom.Passes(text, 0), text), iter: 3000);
    }

    [Fact]
    public void Passes_PlainWords_MostlyStopInTheFirstOrSecondStage()
    {
        var words = new[] { "configuration", "interface", "private void", "storage", "the quick brown fox", "return value" };

        Assert.True(words.Count(w => Bloom.Passes(w + "        ", 0)) <= 1);
    }
}
