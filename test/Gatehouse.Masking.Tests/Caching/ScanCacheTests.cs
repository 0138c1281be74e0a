using Gatehouse.Masking.Caching;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Tests.Caching;

public sealed class ScanCacheTests
{
    private static readonly string AwsKey = BuiltInRules.All.Single(r => r.Id == "aws-access-key-id").Example;

    [Fact]
    public void Mask_SameLongTextTwice_ReturnsTheCachedResult()
    {
        var engine = Engine(maxBytes: 1 << 20);
        var text = Padded($"key {AwsKey} here", 1000);

        var first = engine.Mask(text);
        var second = engine.Mask(text);

        Assert.True(first.IsChanged);
        Assert.Same(first, second);
        Assert.Equal(1, engine.Cache!.Count);
    }

    [Fact]
    public void Mask_TextBelowMinChars_IsNotCached()
    {
        var engine = Engine(maxBytes: 1 << 20);

        var text = Padded($"key {AwsKey} here", 255);
        engine.Mask(text);

        Assert.Equal(0, engine.Cache!.Count);
        Assert.NotSame(engine.Mask(text), engine.Mask(text));
    }

    [Fact]
    public void Mask_MaxBytesZero_HasNoCache()
    {
        var engine = Engine(maxBytes: 0);

        Assert.Null(engine.Cache);
        Assert.True(engine.Mask(Padded(AwsKey, 1000)).IsChanged);
    }

    [Fact]
    public void Mask_ManyDistinctTexts_StaysWithinTheBudgetAndKeepsTheMostRecent()
    {
        const long budget = 200_000;
        var engine = Engine(maxBytes: budget);
        string last = "";
        for (var i = 0; i < 2_000; i++)
        {
            last = Padded($"text {i} with {AwsKey}", 1_000);
            engine.Mask(last);
            Assert.InRange(engine.Cache!.Bytes, 1, budget);
        }

        Assert.InRange(engine.Cache!.Count, 10, 199);
        Assert.Same(engine.Mask(last), engine.Mask(last));
    }

    [Fact]
    public void Mask_TextLargerThanTheBudget_IsMaskedAndNotCached()
    {
        var engine = Engine(maxBytes: 4_096);

        var result = engine.Mask(Padded(AwsKey, 5_000));

        Assert.True(result.IsChanged);
        Assert.Equal(0, engine.Cache!.Count);
        Assert.Equal(0, engine.Cache.Bytes);
    }

    [Fact]
    public void Find_SameKeyOtherText_MissesSoACollisionCannotReturnAnotherTextsResult()
    {
        var cache = new ScanCache(1 << 20, 256);
        var clean = Padded("nothing to see", 300);
        var withSecret = Padded(AwsKey, 300);
        var key = cache.KeyOf(clean);
        cache.Add(key, clean, MaskingResult.Unchanged);

        Assert.Same(MaskingResult.Unchanged, cache.Find(key, clean));
        Assert.Null(cache.Find(key, withSecret));
    }

    [Fact]
    public async Task Mask_ParallelCallersWithTheSameTexts_AllGetTheFreshAnswerAndOneEntryPerText()
    {
        var engine = Engine(maxBytes: 1 << 20);
        var fresh = Engine(maxBytes: 0);
        string[] texts = [Padded($"a {AwsKey}", 2_000), Padded("clean text", 2_000), Padded($"b ann@example.org {AwsKey}", 2_000)];
        var expected = texts.Select(t => fresh.Mask(t)).ToArray();

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                var index = (w + i) % texts.Length;
                var result = engine.Mask(texts[index]);
                Assert.Equal(expected[index].MaskedText, result.MaskedText);
                Assert.Equal(expected[index].Findings, result.Findings);
            }
        }, TestContext.Current.CancellationToken));
        await Task.WhenAll(workers);

        Assert.Equal(texts.Length, engine.Cache!.Count);
    }

    [Fact]
    public void CachedFindings_CannotBeChangedByACaller()
    {
        var engine = Engine(maxBytes: 1 << 20);
        var text = Padded(AwsKey, 1_000);

        var findings = engine.Mask(text).Findings;

        Assert.False(findings is List<Finding>);
        Assert.True(findings is not IList<Finding> list || list.IsReadOnly);
    }

    private static MaskingEngine Engine(long maxBytes)
        => new(new MaskingOptions { FingerprintKey = TestEngines.Key, ScanCache = new ScanCacheOptions { MaxBytes = maxBytes, MinChars = 256 } });

    private static string Padded(string text, int length) => text + " " + new string('.', Math.Max(0, length - text.Length - 1));
}
