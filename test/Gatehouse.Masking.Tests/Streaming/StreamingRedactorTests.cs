using System.Buffers;

namespace Gatehouse.Masking.Tests.Streaming;

public sealed class StreamingRedactorTests
{
    private const string KeyLine = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7EXAMPLEEXAMPLE\n";

    [Fact]
    public void Push_PrivateKeyBeginLine_ReleasesTheMarkerBeforeTheEndLineArrives()
    {
        using var redactor = TestEngines.Default.CreateStreamingRedactor();

        var released = redactor.Push("key:\n-----BEGIN OPENSSH PRIVATE KEY-----\n") + redactor.Push(KeyLine) + redactor.Push(KeyLine);

        Assert.Equal("key:\n[MASKED:openssh-private-key]", released);
        Assert.True(redactor.Holdback < 64, $"holdback {redactor.Holdback}");
    }

    [Theory]
    [InlineData("Ask the team. -", "Ask the team. ")]
    [InlineData("Set it in your shell first.\nexport OPENAI_API_KEY=sk-", "Set it in your shell first.\nexport OPENAI_")]
    public void Push_TextEndingInAPartialKeyword_HoldsBackOnlyWhatItsRulesReachOver(string first, string released)
    {
        // "-" may begin "-us" (a Mailchimp key: hex digits, then -us): only a run of hex digits before it can be part
        // of one, not the 32 characters of any kind the rule's reach allows. "API_KEY=sk-" may still be a key.
        var rest = "proj-" + new string('x', 48) + " and more.";
        using var redactor = TestEngines.Default.CreateStreamingRedactor();

        var now = redactor.Push(first);
        var whole = now + redactor.Push(rest) + redactor.Flush();

        Assert.Equal(released, now);
        Assert.Equal(TestEngines.Default.Mask(first + rest).TextOr(first + rest), whole);
    }

    [Fact]
    public void Push_LongPrivateKeyInSmallDeltas_SwallowsItAndResumesAfterTheEndLine()
    {
        var text = "a\n-----BEGIN RSA PRIVATE KEY-----\n" + string.Concat(Enumerable.Repeat(KeyLine, 60)) +
            "-----END RSA PRIVATE KEY-----\nthen mail jane.doe@example.com";
        using var redactor = TestEngines.Default.CreateStreamingRedactor();

        var output = string.Concat(text.Chunk(37).Select(c => redactor.Push(new string(c)))) + redactor.Flush();

        Assert.Equal("a\n[MASKED:rsa-private-key]\nthen mail [MASKED:email]", output);
        Assert.Equal(TestEngines.Default.Mask(text).Findings, redactor.Findings);
        Assert.True(redactor.MaxHoldback < 100, $"max holdback {redactor.MaxHoldback}");
    }

    [Fact]
    public void Push_WholeKeyWithATokenShapeAtItsEnd_ReleasesTheKeyAndMasksNothingAfterIt()
    {
        // The end line is glued to the text after it, so a rule that reaches back over letters and digits may still
        // start inside the key: that used to hold back from inside the key, which cannot be released in part, until
        // the held text passed the cap and was masked as well.
        var key = "-----BEGIN RSA PRIVATE KEY-----\n" + string.Concat(Enumerable.Repeat(KeyLine, 7)) +
            "AKIArWM5izAxJYHUg1zCPUwcy-----END RSA PRIVATE KEY-----";
        var after = "ydfCqIA6lSc258D8so1F5y and then " + string.Concat(Enumerable.Repeat("the review is done. ", 20));
        using var redactor = TestEngines.Default.CreateStreamingRedactor();

        var output = redactor.Push(key + after[..22]) + string.Concat(after[22..].Chunk(40).Select(c => redactor.Push(new string(c)))) +
            redactor.Flush();

        Assert.Equal("[MASKED:rsa-private-key]" + after, output);
        Assert.Equal(TestEngines.Default.Mask(key + after).Findings, redactor.Findings);
        Assert.True(redactor.MaxHoldback < 100, $"max holdback {redactor.MaxHoldback}");
    }

    [Fact]
    public void Push_WindowLongerThanTheCap_MasksInsteadOfReleasingUnscannedText()
    {
        var engine = new MaskingEngine(new MaskingOptions
        {
            StreamingHoldbackCap = 64,
            CustomRules = [new CustomRuleOptions { Id = "long", Pattern = "LONG:[a-z]{10,400};", Keywords = ["LONG:"], MaxLength = 410 }],
        });
        using var redactor = engine.CreateStreamingRedactor();
        var secret = new string('q', 300);

        var output = string.Concat(("LONG:" + secret + ";").Chunk(20).Select(c => redactor.Push(new string(c)))) + redactor.Flush();

        Assert.DoesNotContain("qqqqqqqq", output, StringComparison.Ordinal);
        Assert.Contains("[MASKED:holdback-limit]", output, StringComparison.Ordinal);
        Assert.True(redactor.MaxHoldback <= 64);
    }

    [Fact]
    public void Push_TokenLongerThanTheCapAndTheContext_IsMaskedToItsEnd()
    {
        var jwt = "eyJhbGciOiJSUzI1NiJ9.eyJ" + string.Concat(Enumerable.Repeat("EXAMPLEpayload0123456789", 150)) + ".sig_EXAMPLE";
        using var redactor = TestEngines.Default.CreateStreamingRedactor();

        var output = string.Concat(("id_token " + jwt + " done").Chunk(50).Select(c => redactor.Push(new string(c)))) + redactor.Flush();

        Assert.DoesNotContain("EXAMPLEpayload", output, StringComparison.Ordinal);
        Assert.DoesNotContain("sig_EXAMPLE", output, StringComparison.Ordinal);
        Assert.EndsWith(" done", output, StringComparison.Ordinal);
        Assert.True(redactor.MaxHoldback <= 512);
    }

    [Fact]
    public void Abort_WithHeldBackPrefix_WritesAMarkerAndNeverThePrefix()
    {
        using var redactor = TestEngines.Default.CreateStreamingRedactor();
        var released = redactor.Push("here: ghp_EXAMPLE0123");
        var output = new ArrayBufferWriter<char>();

        redactor.Abort(output);

        Assert.Equal("here: ", released);
        Assert.Equal("[MASKED:stream-aborted]", output.WrittenSpan.ToString());
    }

    [Fact]
    public void Push_PlainProse_HoldsBackNothingAfterAWordBoundary()
    {
        using var redactor = TestEngines.Default.CreateStreamingRedactor();

        var released = redactor.Push("The quick brown fox jumps over the lazy dog. ");

        Assert.Equal("The quick brown fox jumps over the lazy dog. ", released);
        Assert.Equal(0, redactor.Holdback);
    }
}
