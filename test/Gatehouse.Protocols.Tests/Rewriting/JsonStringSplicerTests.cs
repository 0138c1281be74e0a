using System.Text;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Tests.Rewriting;

/// <summary>
/// The one rewrite of every string of a JSON document (request bodies, upstream error bodies, bodies of no known shape).
/// These cases were the tests of the response side's separate <c>JsonStringRewriter</c>, which it replaced.
/// </summary>
public sealed class JsonStringSplicerTests
{
    [Fact]
    public void Rewrite_NestedStrings_AreRewrittenAndNumbersNamesAndOrderKept()
    {
        const string Json = """{"model":"m","temperature":1.50,"n":1e2,"messages":[{"role":"user","content":[{"type":"text","text":"key sk-1"}]}],"ok":true,"none":null}""";

        var result = Rewrite(Encoding.UTF8.GetBytes(Json), s => s.Replace("sk-1", "[MASKED]", StringComparison.Ordinal));

        Assert.Null(result.Error);
        Assert.True(result.Changed);
        Assert.Equal(Json.Replace("sk-1", "[MASKED]", StringComparison.Ordinal), Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Rewrite_PropertyNames_AreRewrittenLikeValues()
    {
        var result = Rewrite("""{"secret":{"secret":"secret"}}"""u8, s => s == "secret" ? "x" : null);

        Assert.Equal("""{"x":{"x":"x"}}""", Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Rewrite_NamesThatWouldCollide_GetTheFirstFreeSuffix_AndNoMemberIsLost()
    {
        var result = Rewrite("""{"k1":1,"M":2,"k2":3,"M#2":4}"""u8, s => s.StartsWith('k') ? "M" : null);

        Assert.Equal("""{"M#3":1,"M":2,"M#4":3,"M#2":4}""", Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Rewrite_OnlyANameChanged_IsAChange()
    {
        var result = Rewrite("""{"a":{"key":1}}"""u8, s => s == "key" ? "k" : null);

        Assert.True(result.Changed);
        Assert.Equal("""{"a":{"k":1}}""", Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Rewrite_NothingChanged_ReturnsNoBytes()
    {
        var result = Rewrite("""{"a":["b","c"],"d":1}"""u8, s => s);

        Assert.False(result.Changed);
        Assert.Null(result.Json);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Rewrite_NonAsciiText_StaysReadableAndRoundTrips()
    {
        var result = Rewrite(Encoding.UTF8.GetBytes("""["wörld 🙂 <b>", "x"]"""), s => s == "x" ? "y" : null);

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
        var result = Rewrite(Encoding.UTF8.GetBytes(json), s => "z");

        Assert.Equal(new JsonRewriteResult(null, error), result);
    }

    [Fact]
    public void Rewrite_WhitespaceAndEscapes_AreKeptWhereNothingChanged()
    {
        var result = Rewrite(Encoding.UTF8.GetBytes("{ \"a\" : [\"caf\\u00e9\", \"sk-1\"] }\n"), s => s == "sk-1" ? "[MASKED]" : null);

        Assert.Equal("{ \"a\" : [\"caf\\u00e9\", \"[MASKED]\"] }\n", Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Rewrite_InvalidUtf8OrTooDeep_IsRefused()
    {
        var deep = Encoding.UTF8.GetBytes(new string('[', 100) + new string(']', 100));

        Assert.Equal("JSON document is not valid UTF-8", Rewrite([(byte)'"', 0xFF, (byte)'"'], s => s).Error);
        Assert.Equal("JSON document is nested deeper than 64 levels", Rewrite(deep, s => s).Error);
    }

    // The splicer's answer in the shape these tests were written against: the new bytes or none, or why it refused.
    private static JsonRewriteResult Rewrite(ReadOnlySpan<byte> json, Func<string, string?> rewrite)
    {
        var rewritten = JsonStringSplicer.Rewrite(json.ToArray(), text => rewrite(text.ToString()), out var error);
        return new JsonRewriteResult(rewritten, error is null ? null : $"JSON document {error}");
    }

    private readonly record struct JsonRewriteResult(byte[]? Json, string? Error)
    {
        public bool Changed => Json is not null;
    }
}
