using CsCheck;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class QuadFilterTests
{
    private static readonly string[] CatalogKeywords = [.. BuiltInRules.All.SelectMany(r => r.Keywords).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static readonly Gen<string> Noise = Gen.OneOf(" ", "x", "_", "-", ".", "é", "ſ", "ı", "\u212A", "\u0130", "\n", "1", "@", "::", "q", "Q~", "=", "\"");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Next_CatalogKeywordsPlantedInNoise_ProposesEveryKeywordStart(bool vectorize) =>
        Text(CatalogKeywords).Sample(text => AssertSuperset(new QuadFilter(CatalogKeywords, vectorize), CatalogKeywords, text), iter: 400);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Next_RandomShortKeywordSets_ProposesEveryKeywordStart(bool vectorize)
    {
        var keyword = Gen.Char["aksiIqQ_-:@.~3 "].Array[1, 6].Select(c => new string(c));
        keyword.Array[1, 12].SelectMany(set => Text(set).Select(text => (set, text))).Sample(pair =>
        {
            var (set, text) = pair;
            AssertSuperset(new QuadFilter(set, vectorize), set, text);
        }, iter: 400);
    }

    [Fact]
    public void Next_EveryCandidate_PassesTheExactFilter()
    {
        var quad = new QuadFilter(CatalogKeywords);
        var exact = new TrigramFilter(CatalogKeywords);
        Text(CatalogKeywords).Sample(text =>
        {
            for (var i = quad.Next(text, 0); i >= 0; i = quad.Next(text, i + 1))
            {
                Assert.True(exact.IsCandidateAt(text, i));
            }
        }, iter: 200);
    }

    [Fact]
    public void Next_CleanText_ProposesNothing()
    {
        var quad = new QuadFilter(["password", "ghp_", "eyJ", "@"]);

        Assert.Equal(-1, quad.Next("The quick brown fox jumps over the lazy dog; var x = y + 1;", 0));
    }

    /// <summary>Texts of keywords (each character randomly lower, upper or a non-ASCII character that case-folds to
    /// it) between noise, so keywords straddle ASCII and non-ASCII windows and the text end.</summary>
    private static Gen<string> Text(IReadOnlyList<string> keywords) =>
        Gen.Frequency(
                (2, Gen.OneOf([.. keywords.Select(Gen.Const)]).SelectMany(k => Gen.Int[0, 3].Array[k.Length].Select(modes => Vary(k, modes)))),
                (3, Noise))
            .Array[0, 30]
            .Select(string.Concat);

    private static string Vary(string keyword, int[] modes) =>
        string.Concat(keyword.Select((c, i) => modes[i] switch
        {
            0 => char.ToLowerInvariant(c).ToString(),
            1 => char.ToUpperInvariant(c).ToString(),
            2 when char.ToLowerInvariant(c) == 's' => "\u017F",
            2 when char.ToLowerInvariant(c) == 'i' => "\u0131",
            _ => c.ToString(),
        }));

    private static void AssertSuperset(QuadFilter filter, IReadOnlyList<string> keywords, string text)
    {
        var proposed = new HashSet<int>();
        for (var i = filter.Next(text, 0); i >= 0; i = filter.Next(text, i + 1))
        {
            Assert.True(proposed.Add(i));
        }

        for (var i = 0; i < text.Length; i++)
        {
            var at = i;
            if (keywords.Any(k => text.AsSpan(at).StartsWith(k, StringComparison.OrdinalIgnoreCase)))
            {
                Assert.Contains(i, proposed);
            }
        }
    }
}
