using CsCheck;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class TrigramFilterTests
{
    private static readonly string[] Keywords = [.. BuiltInRules.All.SelectMany(r => r.Keywords).Distinct(StringComparer.OrdinalIgnoreCase)];

    [Fact]
    public void IsCandidateAt_AnyText_HoldsWhereverAKeywordStarts()
    {
        var filter = new TrigramFilter(Keywords);
        var pieces = Gen.Frequency(
            (2, Gen.OneOf(Keywords).Select(Gen.Bool, (k, upper) => upper ? k.ToUpperInvariant() : k.ToLowerInvariant())),
            (3, Gen.OneOf(" ", "x", "_", "-", ".", "é", "ſ", "\n", "1", "@", "::")));

        pieces.Array[0, 30].Select(p => string.Concat(p)).ForAll(text =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                var at = i;
                if (Keywords.Any(k => text.AsSpan(at).StartsWith(k, StringComparison.OrdinalIgnoreCase)))
                {
                    Assert.True(filter.IsCandidateAt(text, i), $"no candidate at {i}");
                }
            }
        }, iter: 500);
    }
}
