using System.Buffers;
using CsCheck;
using Gatehouse.Masking.Redaction;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Caching;

/// <summary>Whatever the text, the rules and the order of calls, a cached engine answers exactly as a fresh scan does.</summary>
public sealed class ScanCachePropertyTests
{
    private const int MinChars = 256;

    private static readonly byte[] OtherKey = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    // Rule sets and settings that each change the output of some texts: rules on and off, redaction styles, PII
    // settings, a custom rule, internal hosts and another fingerprint key.
    private static readonly MaskingOptions[] Configs =
    [
        new() { FingerprintKey = TestEngines.Key },
        new() { FingerprintKey = OtherKey },
        new() { FingerprintKey = TestEngines.Key, DefaultRedaction = RedactionStyle.Pseudonym },
        new() { FingerprintKey = TestEngines.Key, DisabledRules = ["aws-access-key-id", "github-pat"], Pii = new PiiOptions { Email = false } },
        new() { FingerprintKey = TestEngines.Key, Pii = new PiiOptions { IpAddresses = true }, InternalHostPatterns = ["*.corp.example.com"] },
        new()
        {
            FingerprintKey = TestEngines.Key,
            CustomRules = [new CustomRuleOptions { Id = "acme-ticket", Pattern = "ACME-[0-9]{6}", Keywords = ["acme-"] }],
        },
    ];

    private static readonly MaskingEngine[] Uncached =
        [.. Configs.Select(o => new MaskingEngine(o with { ScanCache = new ScanCacheOptions { MaxBytes = 0 } }))];

    // Secrets, personal data and hosts beside plain words and JSON, so that parts with and without findings come up.
    private static readonly Gen<string> Fragment = Gen.Frequency(
        (8, OneOf("the ", "tool ", "call ", "{\"type\":\"object\"} ", "function ", "\n", "  ", "return x; ", "é ", "日本 ")),
        (2, OneOf([.. BuiltInRules.All.Select(r => r.Example + " ").Where(e => e.Length > 1)])),
        (1, OneOf("ann@example.org ", "10.1.2.3 ", "https://build.corp.example.com:8443/x ", "ACME-123456 ", "4111 1111 1111 1111 ")),
        (2, Gen.Char['!', '~'].Array[1, 24].Select(c => new string(c))));

    // Texts around the size threshold (cut to MinChars - 8 .. MinChars + 8) and well above it.
    private static readonly Gen<string> Text = Gen.Frequency(
        (2, Gen.Select(Fragment.Array[20, 80], Gen.Int[MinChars - 8, MinChars + 8]).Select((parts, length) => Cut(string.Concat(parts), length))),
        (2, Fragment.Array[40, 400].Select(string.Concat)));

    private static readonly Gen<(int Config, int Text, int Method)> Call = Gen.Select(Gen.Int[0, Configs.Length - 1], Gen.Int[0, 5], Gen.Int[0, 2]);

    [Fact]
    public void CachedEngine_RandomTextsRulesAndCallOrders_EqualsFreshScanning()
    {
        Gen.Select(Text.Array[6], Call.Array[8, 40]).ForAll((texts, calls) =>
        {
            // New cached engines per sample, so that each sample starts cold and repeats its texts.
            var cached = Configs.Select(o => new MaskingEngine(o with { ScanCache = new ScanCacheOptions { MaxBytes = 1 << 20, MinChars = MinChars } })).ToArray();
            foreach (var (config, index, method) in calls)
            {
                AssertSameAnswer(cached[config], Uncached[config], texts[index], method);
            }

            // A text masked under each rule set is masked under every other one as that one would mask it.
            foreach (var text in texts)
            {
                for (var config = 0; config < Configs.Length; config++)
                {
                    AssertSameAnswer(cached[config], Uncached[config], text, 0);
                }
            }
        }, iter: 60);
    }

    private static void AssertSameAnswer(MaskingEngine cached, MaskingEngine fresh, string text, int method)
    {
        switch (method)
        {
            case 0:
                var expected = fresh.Mask(text);
                var actual = cached.Mask(text);
                Assert.Equal(expected.MaskedText, actual.MaskedText);
                Assert.Equal(expected.Findings, actual.Findings);
                break;
            case 1:
                var expectedBuffer = new ArrayBufferWriter<char>();
                var actualBuffer = new ArrayBufferWriter<char>();
                Assert.Equal(fresh.Mask(text, expectedBuffer), cached.Mask(text, actualBuffer));
                Assert.Equal(expectedBuffer.WrittenSpan.ToString(), actualBuffer.WrittenSpan.ToString());
                break;
            default:
                Assert.Equal(fresh.Scan(text), cached.Scan(text));
                break;
        }
    }

    private static Gen<string> OneOf(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static string Cut(string text, int length) => text.Length >= length ? text[..length] : text + new string('x', length - text.Length);
}
