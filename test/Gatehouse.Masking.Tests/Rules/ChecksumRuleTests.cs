using Gatehouse.Masking.Rules.Validation;

namespace Gatehouse.Masking.Tests.Rules;

/// <summary>
/// What is masked when a rule's check fails: a vendor-prefixed token of the exact shape is masked whatever its
/// checksum; a generic number or a context value whose gate fails is not.
/// </summary>
public sealed class ChecksumRuleTests
{
    private const string Entropy = "EXAMPLEexampleEXAMPLEexample01";

    private static readonly MaskingEngine Engine = TestEngines.Everything;

    [Theory]
    [InlineData("ghp_", "github-pat")]
    [InlineData("gho_", "github-oauth-token")]
    [InlineData("ghu_", "github-user-to-server-token")]
    [InlineData("ghs_", "github-server-to-server-token")]
    [InlineData("ghr_", "github-refresh-token")]
    public void GitHubToken_ChecksumFails_IsMaskedAndReportsInvalid(string prefix, string ruleId)
    {
        var token = WithBadChecksum(prefix);

        var result = Engine.Mask("export GITHUB_TOKEN=" + token + "\n");

        Assert.Equal("export GITHUB_TOKEN=[MASKED:" + ruleId + "]\n", result.MaskedText);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((ruleId, 20, 40, ChecksumStatus.Invalid), (finding.RuleId, finding.Offset, finding.Length, finding.Checksum));
        Assert.Equal(result.Findings, Engine.Scan("export GITHUB_TOKEN=" + token + "\n"));
    }

    [Theory]
    [InlineData("ghp_", "github-pat")]
    [InlineData("ghs_", "github-server-to-server-token")]
    public void GitHubToken_ChecksumVerifies_IsMaskedAndReportsValid(string prefix, string ruleId)
    {
        var token = GitHubChecksum.Build(prefix, Entropy);

        var result = Engine.Mask("token " + token);

        Assert.Equal("token [MASKED:" + ruleId + "]", result.MaskedText);
        Assert.Equal(ChecksumStatus.Valid, Assert.Single(result.Findings).Checksum);
    }

    [Fact]
    public void GitHubTokens_ValidAndInvalidInOneText_EachReportsItsOwnStatus()
    {
        var valid = GitHubChecksum.Build("ghp_", Entropy);
        var invalid = WithBadChecksum("ghp_");

        var findings = Engine.Scan(valid + " " + invalid + " " + valid);

        Assert.Equal([ChecksumStatus.Valid, ChecksumStatus.Invalid, ChecksumStatus.Valid], findings.Select(f => f.Checksum));
        Assert.Equal(findings[0].Fingerprint, findings[2].Fingerprint);
        Assert.NotEqual(findings[0].Fingerprint, findings[1].Fingerprint);
    }

    [Fact]
    public void RuleWithoutAChecksum_ReportsNone()
    {
        var finding = Assert.Single(Engine.Scan("key AKIAEXAMPLEBCDFGHIJK"));

        Assert.Equal(("aws-access-key-id", ChecksumStatus.None), (finding.RuleId, finding.Checksum));
    }

    [Fact]
    public void FineGrainedPat_AnyBody_IsMaskedAndClaimsNoChecksum()
    {
        var token = "github_pat_" + new string('A', 11) + new string('7', 11) + "_" + string.Concat(Enumerable.Repeat("Zq8vRk2Lm", 6)) + "TEST0";

        var result = Engine.Mask("pat: " + token);

        Assert.Equal("pat: [MASKED:github-fine-grained-pat]", result.MaskedText);
        Assert.Equal(ChecksumStatus.None, Assert.Single(result.Findings).Checksum);
    }

    [Theory]
    [InlineData("ghp_notarealtoken")]
    [InlineData("ghp_EXAMPLEexampleEXAMPLEexample01ABCDE")]
    [InlineData("ghp_EXAMPLEexampleEXAMPLEexample01ABCDEFG")]
    [InlineData("xghp_EXAMPLEexampleEXAMPLEexample01ABCDEF")]
    [InlineData("GHP_EXAMPLEexampleEXAMPLEexample01ABCDEF")]
    [InlineData("ghp_EXAMPLEexampleEXAMPLE-example01ABCDE")]
    public void GitHubPrefix_WithoutTheExactShape_IsNotFound(string text) => Assert.Empty(Engine.Scan(text));

    /// <summary>Context rules whose value carries a prefix no other format has: the vendor's name is not needed.</summary>
    [Theory]
    [InlineData("the call used amzn.mws.4f3a9c1e-7b2d-4e8a-9c0f-1a2b3c4d5e6f yesterday", "amzn.mws.4f3a9c1e-7b2d-4e8a-9c0f-1a2b3c4d5e6f", "aws-mws-key")]
    [InlineData("key eyJrIjoiT0pHdE1LZ2VmZ3BtMXFINTZ0WnNaOFFTZGdkUklUTXUiLCJuIjoidGVzdCIsImlkIjoxfQ== ok",
        "eyJrIjoiT0pHdE1LZ2VmZ3BtMXFINTZ0WnNaOFFTZGdkUklUTXUiLCJuIjoidGVzdCIsImlkIjoxfQ==", "grafana-api-key")]
    public void DistinctivePrefix_WithoutTheVendorName_IsMaskedWhole(string text, string value, string ruleId)
    {
        var result = Engine.Mask(text);

        Assert.Equal(text.Replace(value, "[MASKED:" + ruleId + "]", StringComparison.Ordinal), result.MaskedText);
        Assert.Equal(ruleId, Assert.Single(result.Findings).RuleId);
    }

    /// <summary>The gates that stay: a failing check on a generic number or a value without its context finds nothing.</summary>
    [Theory]
    [InlineData("order 4111 1111 1111 1112 shipped")]
    [InlineData("iban DE88 3704 0044 0532 0130 00 ok")]
    [InlineData("ssn 666-45-6789 ok")]
    [InlineData("ssn 900-45-6789 ok")]
    [InlineData("call +1 2 3 ok")]
    [InlineData("host a::b ok")]
    [InlineData("hash = \"0123456789abcdef0123456789abcdef\"")]
    [InlineData("id: sk-0123456789abcdef0123456789abcdef")]
    [InlineData("sid = SK0123456789abcdef0123456789abcdef")]
    [InlineData("password = \"changeme\"")]
    [InlineData("token = \"aaaaaaaaaaaaaaaa\"")]
    [InlineData("Password=${DB_PASSWORD};")]
    public void GatedRule_CheckFails_FindsNothing(string text) => Assert.Empty(Engine.Scan(text));

    /// <summary>Thirty characters of entropy and six base62 characters that are not their CRC-32.</summary>
    internal static string WithBadChecksum(string prefix)
    {
        var valid = GitHubChecksum.Build(prefix, Entropy);
        var wrong = valid[^1] == 'A' ? 'B' : 'A';
        return valid[..^1] + wrong;
    }
}
