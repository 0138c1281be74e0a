using CsCheck;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class QuadFilterTests
{
    private static readonly string[] CatalogKeywords = [.. BuiltInRules.All.SelectMany(r => r.Keywords).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static readonly Gen<string> Noise = Gen.OneOf(" ", "x", "_", "-", ".", "é", "ſ", "ı", "\u212A", "\u0130", "\n", "1", "@", "::", "q", "Q~", "=", "\"");

    [Theory]
    [InlineData("Avx512")]
    [InlineData("Avx2")]
    [InlineData("Scalar")]
    public void Collect_CatalogKeywordsPlantedInNoise_FindsExactlyTheKeywordOccurrences(string path) =>
        Text(CatalogKeywords).ForAll(text => AssertExact(new QuadFilter(CatalogKeywords, Enum.Parse<QuadFilterPath>(path)), CatalogKeywords, text), iter: 400);

    [Theory]
    [InlineData("Avx512")]
    [InlineData("Avx2")]
    [InlineData("Scalar")]
    public void Collect_RandomShortKeywordSets_FindsExactlyTheKeywordOccurrences(string path)
    {
        var keyword = Gen.Char["aksiIqQ_-:@.~3 "].Array[1, 6].Select(c => new string(c));
        keyword.Array[1, 12].SelectMany(set => Text(set).Select(text => (set, text))).ForAll(pair =>
        {
            var (set, text) = pair;
            AssertExact(new QuadFilter(set, Enum.Parse<QuadFilterPath>(path)), set, text);
        }, iter: 400);
    }

    [Fact]
    public void Collect_LongText_FindsEveryPlantedKeywordInEveryPath()
    {
        // Long enough that the vector path runs many steps, and in both paths the buffer fills and collection resumes.
        var text = new System.Text.StringBuilder();
        var planted = new List<KeywordHit>();
        for (var i = 0; i < 400; i++)
        {
            var k = (i * 7) % CatalogKeywords.Length;
            planted.Add(new KeywordHit(text.Length, k));
            text.Append(CatalogKeywords[k]).Append(' ', 1 + (i % 23)).Append("x=\"v\";");
        }

        var scalar = All(new QuadFilter(CatalogKeywords, QuadFilterPath.Scalar), text.ToString(), 64);

        Assert.All(planted, hit => Assert.Contains(hit, scalar));
        Assert.Equal(scalar, All(new QuadFilter(CatalogKeywords, QuadFilterPath.Avx2), text.ToString(), 64));
        Assert.Equal(scalar, All(new QuadFilter(CatalogKeywords, QuadFilterPath.Avx512), text.ToString(), 64));
    }

    [Fact]
    public void Collect_CleanText_FindsNothing()
    {
        var quad = new QuadFilter(["password", "ghp_", "eyJ", "@"]);

        Assert.Empty(All(quad, "The quick brown fox jumps over the lazy dog; var x = y + 1;", 16));
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

    private static void AssertExact(QuadFilter filter, IReadOnlyList<string> keywords, string text)
    {
        var expected = new List<KeywordHit>();
        for (var i = 0; i < text.Length; i++)
        {
            for (var k = 0; k < keywords.Count; k++)
            {
                if (text.AsSpan(i).StartsWith(keywords[k], StringComparison.OrdinalIgnoreCase))
                {
                    expected.Add(new KeywordHit(i, k));
                }
            }
        }

        // The smallest buffer allowed, so that collection stops and resumes often.
        var found = All(filter, text, filter.MaxAtOnePosition);

        Assert.Equal(expected.OrderBy(h => h.Position).ThenBy(h => h.Keyword), found.OrderBy(h => h.Position).ThenBy(h => h.Keyword));
        Assert.Equal(found.Select(h => h.Position).Order(), found.Select(h => h.Position));
    }

    private static List<KeywordHit> All(QuadFilter filter, string text, int bufferSize)
    {
        var hits = new KeywordHit[Math.Max(bufferSize, filter.MaxAtOnePosition)];
        var all = new List<KeywordHit>();
        for (var pos = 0; pos < text.Length;)
        {
            var count = filter.Collect(text, pos, hits, out var resume);
            Assert.True(resume > pos || count > 0);
            all.AddRange(hits.AsSpan(0, count).ToArray());
            pos = resume;
        }

        return all;
    }
}
