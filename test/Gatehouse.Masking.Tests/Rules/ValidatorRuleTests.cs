using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Tests.Rules;

/// <summary>Rules whose confirmation is a checksum, a range or an entropy gate: positives and near misses.</summary>
public sealed class ValidatorRuleTests
{
    private static readonly MaskingEngine Engine = TestEngines.Everything;

    [Fact]
    public void GitHubToken_ChecksumComputedIndependently_IsValid_AndOneCharacterChangedIsFoundAsInvalid()
    {
        const string Entropy = "EXAMPLEexampleEXAMPLEexample01";
        var token = "ghp_" + Entropy + Base62(BitwiseCrc32(Entropy));
        var corrupted = "ghp_" + Entropy[..^1] + "2" + token[^6..];

        var found = Assert.Single(Engine.Scan("t " + token));
        Assert.Equal(("github-pat", ChecksumStatus.Valid), (found.RuleId, found.Checksum));
        var mistyped = Assert.Single(Engine.Scan("t " + corrupted));
        Assert.Equal(("github-pat", ChecksumStatus.Invalid), (mistyped.RuleId, mistyped.Checksum));
    }

    [Theory]
    [InlineData("card 4111 1111 1111 1111 ok", "payment-card")]
    [InlineData("card 5500-0000-0000-0004 ok", "payment-card")]
    [InlineData("card 378282246310005 ok", "payment-card")]
    [InlineData("iban DE89 3704 0044 0532 0130 00 ok", "iban")]
    [InlineData("iban GB29NWBK60161331926819 ok", "iban")]
    [InlineData("ssn 123-45-6789 ok", "us-ssn")]
    [InlineData("call (555) 234-5678 ok", "phone-nanp")]
    [InlineData("call +44 20 7946 0958 ok", "phone-international")]
    [InlineData("mail jane.doe@example.com ok", "email")]
    [InlineData("host fe80::1ff:fe23:4567:890a ok", "ipv6")]
    [InlineData("passwd = \"Zq8vRk2Lm9Tx4Wp7\"", "generic-secret")]
    public void Positive_IsFoundByItsRule(string text, string ruleId) =>
        Assert.Equal(ruleId, Assert.Single(Engine.Scan(text)).RuleId);

    [Theory]
    [InlineData("card 4111 1111 1111 1112 ok")]
    [InlineData("epoch 1700000000000 ms")]
    [InlineData("iban DE88 3704 0044 0532 0130 00 ok")]
    [InlineData("ssn 000-45-6789 ok")]
    [InlineData("ssn 666-45-6789 ok")]
    [InlineData("ssn 912-45-6789 ok")]
    [InlineData("ssn 123-00-6789 ok")]
    [InlineData("version 10.0.15 and 1.2.3")]
    [InlineData("ip 999.168.1.1 ok")]
    [InlineData("std::vector<int> v; a::b::c")]
    [InlineData("mail jane.doe@localhost ok")]
    [InlineData("password = \"changeme123\"")]
    [InlineData("token = GetToken(request);")]
    [InlineData("password = \"${DB_PASSWORD}\"")]
    [InlineData("api_key: aaaaaaaaaaaaaaaa1")]
    [InlineData("secret_key = settings.SECRET_KEY2")]
    public void NearMiss_IsNotFound(string text) => Assert.Empty(Engine.Scan(text));

    [Fact]
    public void Every_BuiltInRule_FitsItsWindowUnderTheDefaultHoldbackCap()
    {
        foreach (var rule in BuiltInRules.All)
        {
            var keyword = rule.Keywords.Count == 0 ? 0 : rule.Keywords.Max(k => k.Length);
            Assert.True(rule.Before + keyword + rule.After < 512, rule.Id);
        }
    }

    private static uint BitwiseCrc32(string ascii)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var c in ascii)
        {
            crc ^= c;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }

        return ~crc;
    }

    private static string Base62(uint value)
    {
        const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var chars = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value % 62)];
            value /= 62;
        }

        return new string(chars);
    }
}
