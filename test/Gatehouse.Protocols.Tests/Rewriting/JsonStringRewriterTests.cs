using System.Text;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Tests.Rewriting;

public sealed class JsonStringRewriterTests
{
    [Fact]
    public void Rewrite_NestedStrings_AreRewrittenAndNumbersNamesAndOrderKept()
    {
        const string Json = """{"model":"m","temperature":1.50,"n":1e2,"messages":[{"role":"user","content":[{"type":"text","text":"key sk-1"}]}],"ok":true,"none":null}""";

        var result = JsonStringRewriter.Rewrite(Encoding.UTF8.GetBytes(Json), s => s.Replace("sk-1", "[MASKED]", StringComparison.Ordinal));

        Assert.Null(result.Error);
        Assert.True(result.Changed);
        Assert.Equal(Json.Replace("sk-1", "[MASKED]", StringComparison.Ordinal), Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Rewrite_PropertyNames_AreRewrittenLikeValues()
    {
        var result = JsonStringRewriter.Rewrite("""{"secret":{"secret":"secret"}}"""u8, s => s == "secret" ? "x" : null);

        Assert.Equal("""{"x":{"x":"x"}}""", Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Rewrite_NamesThatWouldCollide_GetTheFirstFreeSuffix_AndNoMemberIsLost()
    {
        var result = JsonStringRewriter.Rewrite("""{"k1":1,"M":2,"k2":3,"M#2":4}"""u8, s => s.StartsWith('k') ? "M" : null);

        Assert.Equal("""{"M#3":1,"M":2,"M#4":3,"M#2":4}""", Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Rewrite_OnlyANameChanged_IsAChange()
    {
        var result = JsonStringRewriter.Rewrite("""{"a":{"key":1}}"""u8, s => s == "key" ? "k" : null);

        Assert.True(result.Changed);
        Assert.Equal("""{"a":{"k":1}}""", Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Rewrite_NothingChanged_ReturnsNoBytes()
    {
        var result = JsonStringRewriter.Rewrite("""{"a":["b","c"],"d":1}"""u8, s => s);

        Assert.False(result.Changed);
        Assert.Null(result.Json);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Rewrite_NonAsciiText_StaysReadableAndRoundTrips()
    {
        var result = JsonStringRewriter.Rewrite(Encoding.UTF8.GetBytes("""["wörld 🙂 <b>", "x"]"""), s => s == "x" ? "y" : null);

        var text = Encoding.UTF8.GetString(result.Json!);
        Assert.Contains("wörld", text, StringComparison.Ordinal);
        Assert.Equal(["wörld 🙂 <b>", "y"], System.Text.Json.JsonSerializer.Deserialize<string[]>(text)!);
    }

    [Theory]
    [InlineData("""{"a":"x","a":"y"}""", "JSON document has duplicate property names")]
    [InlineData("""{"a":""", "JSON document is not valid JSON")]
    [InlineData("""{"a":"\ud800"}""", "JSON document has an unpaired surrogate escape")]
    public void Rewrite_WhatRequestsRefuse_IsRefused(string json, string error)
    {
        var result = JsonStringRewriter.Rewrite(Encoding.UTF8.GetBytes(json), s => "z");

        Assert.Equal(new JsonRewriteResult(null, error), result);
    }

    [Fact]
    public void Rewrite_InvalidUtf8OrTooDeep_IsRefused()
    {
        var deep = Encoding.UTF8.GetBytes(new string('[', 100) + new string(']', 100));

        Assert.Equal("JSON document is not valid UTF-8", JsonStringRewriter.Rewrite([(byte)'"', 0xFF, (byte)'"'], s => s).Error);
        Assert.Equal("JSON document is nested deeper than 64 levels", JsonStringRewriter.Rewrite(deep, s => s).Error);
    }
}
