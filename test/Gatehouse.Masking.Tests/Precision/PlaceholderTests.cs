namespace Gatehouse.Masking.Tests.Precision;

/// <summary>
/// Published documentation examples are reported with <see cref="Finding.Placeholder"/>, masked by default, and left
/// in the text only for rules configured so; a real-shaped value beside one is never flagged and always masked.
/// </summary>
public sealed class PlaceholderTests
{
    private const string RealKeyId = "AKIAZQ7VRK2LM6TX4WP3";

    private const string Rfc7519Jwt =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private static readonly MaskingEngine Default = TestEngines.Default;

    private static readonly MaskingEngine KeepsPlaceholders = new(new MaskingOptions
    {
        FingerprintKey = "0123456789abcdef0123456789abcdef"u8.ToArray(),
        UnmaskedPlaceholderRules = ["aws-access-key-id", "aws-secret-access-key", "url-credentials", "jwt", "generic-secret", "aws-session-token"],
    });

    public static TheoryData<string, string, string> Examples() =>
    [
        ("aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws-access-key-id", "AKIAIOSFODNN7EXAMPLE"),
        ("{\"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\"}", "aws-access-key-id", "AKIAIOSFODNN7EXAMPLE"),
        ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws-secret-access-key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ("Authorization: Bearer " + Rfc7519Jwt, "jwt", Rfc7519Jwt),
        ("const url = 'mongodb://user:pass@127.0.0.1:27017/test';", "url-credentials", "pass"),
        ("smtps://username:password@smtp.internal.net/?pool=true", "url-credentials", "password"),
        ("postgres://app:Zq8vRk2Lm9Tx4Wp7@db.example.com:5432/app", "url-credentials", "Zq8vRk2Lm9Tx4Wp7"),
        ("x://admin:Zq8vRk2Lm9Tx4Wp7@host.test/", "url-credentials", "Zq8vRk2Lm9Tx4Wp7"),
        ("ContinuationToken: \"1w41l63U0xa8q7smH50vCxyTQqdxo69O3EmK28Bi5PcROI4wI/EyIJg==\",", "generic-secret", "1w41l63U0xa8q7smH50vCxyTQqdxo69O3EmK28Bi5PcROI4wI/EyIJg=="),
    ];

    public static TheoryData<string, string> RealValues() =>
    [
        ("aws_access_key_id = " + RealKeyId, RealKeyId),
        ("aws_access_key_id = AKIAEXAMPLEZQ7VRK2LM", "AKIAEXAMPLEZQ7VRK2LM"),
        ("postgres://app:pass@db.corp.internal/app", "pass"),
        ("postgres://user:Zq8vRk2Lm9Tx4Wp7@db.corp.internal/app", "Zq8vRk2Lm9Tx4Wp7"),
        ("postgres://app:Zq8vRk2Lm9Tx4Wp7@example.com.evil.io/app", "Zq8vRk2Lm9Tx4Wp7"),
        ("postgres://app:Zq8vRk2Lm9Tx4Wp7@notexample.com/app", "Zq8vRk2Lm9Tx4Wp7"),
        ("Authorization: Bearer " + Rfc7519Jwt[..^4] + "Zq8v", Rfc7519Jwt[..^4] + "Zq8v"),
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public void PublishedExample_IsReportedAsPlaceholder_AndMaskedByDefault(string line, string rule, string value)
    {
        var result = Default.Mask(line);

        var finding = Assert.Single(result.Findings, f => f.RuleId == rule);
        Assert.True(finding.Placeholder);
        Assert.DoesNotContain(value, result.TextOr(line), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void PublishedExample_OfARuleThatKeepsPlaceholders_IsReportedAndLeftInTheText(string line, string rule, string value)
    {
        var result = KeepsPlaceholders.Mask(line);

        Assert.True(Assert.Single(result.Findings, f => f.RuleId == rule).Placeholder);
        Assert.Contains(value, result.TextOr(line), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RealValues))]
    public void RealShapedValue_IsNotAPlaceholder_AndIsMaskedEvenWhereRulesKeepPlaceholders(string line, string value)
    {
        foreach (var engine in new[] { Default, KeepsPlaceholders })
        {
            var result = engine.Mask(line);

            Assert.NotEmpty(result.Findings);
            Assert.All(result.Findings, f => Assert.False(f.Placeholder));
            Assert.DoesNotContain(value, result.TextOr(line), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RealKeyBesideTheExampleKey_IsMasked_WhileTheExampleIsKept()
    {
        var line = $"# example: AKIAIOSFODNN7EXAMPLE\n# yours: {RealKeyId}\n";

        var kept = KeepsPlaceholders.Mask(line);
        var masked = Default.Mask(line);

        Assert.Equal(["AKIAIOSFODNN7EXAMPLE", "[MASKED:aws-access-key-id]"], Values(kept.TextOr(line)));
        Assert.Equal([true, false], kept.Findings.Select(f => f.Placeholder));
        Assert.Equal(["[MASKED:aws-access-key-id]", "[MASKED:aws-access-key-id]"], Values(masked.TextOr(line)));
    }

    [Fact]
    public void Placeholder_Streamed_SplitAtEveryOffset_IsFlaggedAsInAWholeTextScan()
    {
        var text = $"see mongodb://user:pass@127.0.0.1:27017/db and AKIAIOSFODNN7EXAMPLE then {RealKeyId} and postgres://app:Zq8vRk2Lm9Tx4Wp7@db.corp.internal/app\n";
        var whole = KeepsPlaceholders.Mask(text);
        Assert.Equal([true, true, false, false], whole.Findings.Select(f => f.Placeholder));

        for (var split = 1; split < text.Length; split++)
        {
            using var redactor = KeepsPlaceholders.CreateStreamingRedactor();
            var output = redactor.Push(text[..split]) + redactor.Push(text[split..]) + redactor.Flush();

            Assert.Equal(whole.TextOr(text), output);
            Assert.Equal(whole.Findings.Select(f => (f.RuleId, f.Offset, f.Placeholder)), redactor.Findings.Select(f => (f.RuleId, f.Offset, f.Placeholder)));
        }
    }

    [Fact]
    public void UnmaskedPlaceholders_NamingAnUnknownRuleOrOneWithoutPlaceholders_IsAConfigurationError()
    {
        var errors = MaskingOptionsValidator.Validate(new MaskingOptions { UnmaskedPlaceholderRules = ["no-such-rule", "github-pat"] });

        Assert.Contains("unmaskedPlaceholders: unknown rule 'no-such-rule'", errors);
        Assert.Contains(errors, e => e.StartsWith("unmaskedPlaceholders: rule 'github-pat' recognises no placeholders; rules that do: ", StringComparison.Ordinal) &&
            e.Contains("aws-access-key-id", StringComparison.Ordinal));
    }

    private static string[] Values(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[(l.IndexOfAny([':', '=']) + 2)..])];
}
