using System.Text;
using Gatehouse.Policy.Loading;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.FuzzTests;

/// <summary>Inputs the fuzz targets found crashing or misbehaving, kept so the fixes stay fixed.</summary>
public sealed class FuzzRegressionTests
{
    [Theory]
    [InlineData("rules:\n  - name: a\n    match: {groups: [x], m[odels: ['gpt-4*']}\n    effect: deny\n")]
    [InlineData("{a: 1, b[c: 2}")]
    [InlineData("rules:\n  : ping\n- name: a\n    match: {}\n")]
    public void PolicyLoad_InputTheYamlParserThrowsOn_IsASyntaxErrorNotAnException(string yaml)
    {
        var result = PolicyLoader.Load(yaml, "regression.yaml");

        Assert.False(result.Succeeded);
        Assert.Contains("YAML syntax error", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(300)]
    public void SseParse_LineLongerThanTheLimit_FaultsWhateverTheChunking(int firstChunk)
    {
        var bytes = Encoding.UTF8.GetBytes(": " + new string('x', 300) + "\r\ndata: after\n\n");
        using var parser = new SseParser(256);

        ReadOnlySpan<byte> first = bytes.AsSpan(0, firstChunk);
        ReadOnlySpan<byte> rest = bytes.AsSpan(firstChunk);
        Assert.False(parser.TryReadEvent(ref first, out _));
        Assert.False(parser.TryReadEvent(ref rest, out _));

        Assert.Contains("exceeds 256 bytes", parser.Error, StringComparison.Ordinal);
    }
}
