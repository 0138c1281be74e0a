using System.Buffers;
using Gatehouse.Masking.Redaction;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class MaskingEngineTests
{
    private static readonly string GitHubToken = SourceControlRules.All().Single(r => r.Id == "github-pat").Example;

    [Fact]
    public void Mask_CleanText_ReturnsSharedUnchangedResultWithoutAllocating()
    {
        var text = "public sealed class Foo { private readonly int _count = 42; } // nothing to see here\n";
        TestEngines.Default.Mask(text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = TestEngines.Default.Mask(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(MaskingResult.Unchanged, result);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Mask_TokenInText_ReportsOffsetsInTheOriginalAndMasks()
    {
        var text = "export GH=" + GitHubToken + "\n";

        var result = TestEngines.Default.Mask(text);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("github-pat", RuleCategory.Secret, 10, GitHubToken.Length), (finding.RuleId, finding.Category, finding.Offset, finding.Length));
        Assert.Equal("export GH=[MASKED:github-pat]\n", result.MaskedText);
    }

    [Fact]
    public void Finding_ToString_NeverContainsTheValue()
    {
        var finding = TestEngines.Default.Scan("token " + GitHubToken).Single();

        Assert.DoesNotContain(GitHubToken[4..], finding.ToString(), StringComparison.Ordinal);
        Assert.Equal(16, finding.Fingerprint.Length);
    }

    [Theory]
    [InlineData(RedactionStyle.KeepLast4, "****")]
    [InlineData(RedactionStyle.FixedLength, "********")]
    [InlineData(RedactionStyle.Marker, "[MASKED:github-pat]")]
    public void Mask_RedactionStyle_ShapesTheReplacement(RedactionStyle style, string expectedStart)
    {
        var engine = new MaskingEngine(new MaskingOptions { DefaultRedaction = style, FingerprintKey = TestEngines.Key });

        var masked = engine.Mask("t=" + GitHubToken).MaskedText!;

        Assert.StartsWith("t=" + expectedStart, masked, StringComparison.Ordinal);
        Assert.Equal(style == RedactionStyle.KeepLast4 ? "t=****" + GitHubToken[^4..] : masked, masked);
    }

    [Fact]
    public void Mask_Pseudonym_IsDeterministicPerKeyAndDiffersAcrossKeys()
    {
        MaskingEngine Build(byte fill) => new(new MaskingOptions
        {
            RedactionByRule = new Dictionary<string, RedactionStyle> { ["github-pat"] = RedactionStyle.Pseudonym },
            FingerprintKey = Enumerable.Repeat(fill, 32).ToArray(),
        });

        var first = Build(1).Mask("a " + GitHubToken).MaskedText;
        var again = Build(1).Mask("b " + GitHubToken).MaskedText;
        var otherKey = Build(2).Mask("a " + GitHubToken).MaskedText;

        Assert.Matches("^a \\[MASKED:github-pat:[0-9a-f]{6}\\]$", first);
        Assert.Equal(first![2..], again![2..]);
        Assert.NotEqual(first, otherKey);
    }

    [Fact]
    public void Mask_WithOutputWriter_WritesTheSameTextAsTheResult()
    {
        var text = "mail jane.doe@example.com, key " + GitHubToken + ".";
        var output = new ArrayBufferWriter<char>();

        var findings = TestEngines.Default.Mask(text, output);

        Assert.Equal(TestEngines.Default.Mask(text).MaskedText, output.WrittenSpan.ToString());
        Assert.Equal(["email", "github-pat"], findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Mask_CustomRule_HonoursKeywordsEntropyFloorAndAllowList()
    {
        var engine = new MaskingEngine(new MaskingOptions
        {
            CustomRules =
            [
                new CustomRuleOptions
                {
                    Id = "acme-deploy-key", Pattern = "acme_dk_[A-Za-z0-9]{16}", Keywords = ["acme_dk_"],
                    EntropyFloor = 3.0, AllowList = ["acme_dk_Q1w2E3r4T5y6U7i8"],
                },
            ],
        });

        Assert.Equal("x [MASKED:acme-deploy-key] y", engine.Mask("x acme_dk_Zx9Kp2Lm7Qr4Tv8W y").MaskedText);
        Assert.False(engine.Mask("x acme_dk_aaaaaaaaaaaaaaaa y").IsChanged);
        Assert.False(engine.Mask("x acme_dk_Q1w2E3r4T5y6U7i8 y").IsChanged);
    }

    [Fact]
    public void Mask_InternalHostPattern_MasksSubdomainsWithPathButNotLookalikes()
    {
        var engine = new MaskingEngine(new MaskingOptions { InternalHostPatterns = ["*.corp.example.com"] });

        Assert.Equal("see https://[MASKED:internal-host] now", engine.Mask("see https://ci.build.corp.example.com:8443/job/7?x=1 now").MaskedText);
        Assert.False(engine.Mask("see https://corp.example.com.evil.io/ and corp.example.com").IsChanged);
    }

    [Fact]
    public void Mask_OverlappingMatches_PicksEarliestThenLongest()
    {
        var text = "url https://admin:Zq8vRk2Lm9Tx4Wp7@db.example.com/x";

        var finding = Assert.Single(TestEngines.Default.Scan(text));

        Assert.Equal(("url-credentials", text.IndexOf("Zq8v", StringComparison.Ordinal)), (finding.RuleId, finding.Offset));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneWithItsPath()
    {
        var errors = MaskingOptionsValidator.Validate(new MaskingOptions
        {
            CustomRules = [new CustomRuleOptions { Id = "Bad Id", Pattern = "([", Keywords = [] }],
            InternalHostPatterns = ["not a host"],
            DisabledRules = ["no-such-rule"],
            FingerprintKey = new byte[4],
        });

        Assert.Equal(
            ["customRules[0].id", "customRules[0].pattern", "customRules[0].keywords", "internalHostPatterns[0]", "disabledRules", "fingerprintKey"],
            errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Throws<ArgumentException>(() => new MaskingEngine(new MaskingOptions { DisabledRules = ["no-such-rule"] }));
    }

    [Fact]
    public void Mask_IpAddresses_AreOffByDefaultAndOnWhenConfigured()
    {
        const string Text = "connect to 10.20.30.40 now";

        Assert.False(TestEngines.Default.Mask(Text).IsChanged);
        Assert.Equal("connect to [MASKED:ipv4] now", TestEngines.Everything.Mask(Text).MaskedText);
    }
}
