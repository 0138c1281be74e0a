using System.Buffers;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Tests.Redaction;

public sealed class EngineFingerprintTests
{
    // Every example twice, so that equal values meet in one batch, with prose between them.
    private static readonly string Text = string.Join(
        " and then ",
        BuiltInRules.All.Concat(BuiltInRules.All).Select(r => r.Example).Where(e => !string.IsNullOrEmpty(e)));

    [Fact]
    public void Mask_EveryFinding_FingerprintIsTheHmacOfItsValue()
    {
        var findings = TestEngines.Everything.Mask(Text).Findings;

        Assert.True(findings.Count > 2 * 100, $"only {findings.Count} findings");
        Assert.All(findings, f => Assert.Equal(Hmac.Expected(TestEngines.Key, Text.Substring(f.Offset, f.Length)), f.Fingerprint));
    }

    [Fact]
    public void Scan_EveryFinding_FingerprintIsTheHmacOfItsValue()
    {
        var findings = TestEngines.Everything.Scan(Text);

        Assert.Equal(TestEngines.Everything.Mask(Text).Findings, findings);
        Assert.All(findings, f => Assert.Equal(Hmac.Expected(TestEngines.Key, Text.Substring(f.Offset, f.Length)), f.Fingerprint));
    }

    [Fact]
    public void Mask_IntoWriter_ReportsTheSameFingerprints()
    {
        var output = new ArrayBufferWriter<char>();

        var findings = TestEngines.Everything.Mask(Text, output);

        Assert.Equal(TestEngines.Everything.Mask(Text).Findings, findings);
        Assert.Equal(TestEngines.Everything.Mask(Text).TextOr(Text), output.WrittenSpan.ToString());
    }
}
