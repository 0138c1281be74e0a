using System.Text;
using CsCheck;
using Gatehouse.Testing;
using static Gatehouse.Protocols.Tests.Requests.RequestParsing;

namespace Gatehouse.Protocols.Tests.Requests;

public sealed class TextEncodingTests
{
    private static RequestParseResult ParseChatWithContent(string escapedContent)
        => Parse(ApiKind.OpenAIChat, $$"""{"model":"m","messages":[{"role":"user","content":"{{escapedContent}}"}]}""");

    [Fact]
    public void Parse_InvalidUtf8_IsRefused()
    {
        var body = Encoding.UTF8.GetBytes("""{"model":"m","messages":[{"role":"user","content":"x"}]}""");
        body[Array.IndexOf(body, (byte)'x')] = 0xFF;

        var result = new ProtocolRegistry().Get(ApiKind.OpenAIChat)!.ParseRequest(body);

        Assert.Equal("request body is not valid UTF-8", result.Error);
    }

    [Theory]
    [InlineData(@"\ud800")]
    [InlineData(@"\ud800x")]
    [InlineData(@"\udc00")]
    [InlineData(@"\ud800\n")]
    [InlineData(@"\ud800\\")]
    [InlineData(@"\ud800\ud800")]
    public void Parse_UnpairedSurrogateEscape_IsRefused(string content)
    {
        Assert.Equal("request body has an unpaired surrogate escape", ParseChatWithContent(content).Error);
    }

    [Theory]
    [InlineData(@"\ud83d\ude42", "🙂")]
    [InlineData(@"\\ud800", @"\ud800")]
    [InlineData(@"a\u00e9\n", "aé\n")]
    public void Parse_ValidEscapes_AreDecoded(string content, string expected)
    {
        var result = ParseChatWithContent(content);

        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.Request!.Messages[0].Text);
    }

    [Fact]
    public void Parse_AnyMixOfEscapes_NeverThrows()
    {
        string[] pieces = [@"\ud83d", @"\ude42", @"\\", @"\n", "a", "é", @"\u00e9", @"\u", "\\\"", @"\uZZZZ"];
        Gen.OneOf(pieces).Array[0, 12].ForAll(parts =>
        {
            var result = ParseChatWithContent(string.Concat(parts));

            Assert.True(result.Success || result.Error is not null);
        }, iter: 2000);
    }
}
