using static Gatehouse.Protocols.Tests.Requests.RequestParsing;

namespace Gatehouse.Protocols.Tests.Requests;

public sealed class StrictJsonTests
{
    public static TheoryData<ApiKind> Apis => [ApiKind.OpenAIChat, ApiKind.OpenAIResponses, ApiKind.AnthropicMessages];

    [Theory]
    [MemberData(nameof(Apis))]
    public void Parse_DuplicateTopLevelKey_IsRefused(ApiKind api)
    {
        var result = Parse(api, """{"model":"allowed-model","model":"secret-model","messages":[],"input":"x"}""");

        Assert.False(result.Success);
        Assert.Contains("duplicate property names", result.Error);
        Assert.DoesNotContain("model", result.Error);
    }

    [Theory]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"a","content":"b"}]}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"a","te\u0078t":"b"}]}]}""")]
    [InlineData("""{"model":"m","messages":[],"metadata":{"x":{"y":1,"y":2}}}""")]
    public void Parse_DuplicateNestedOrEscapedKey_IsRefused(string json)
    {
        var result = Parse(ApiKind.OpenAIChat, json);

        Assert.False(result.Success);
        Assert.Contains("duplicate property names", result.Error);
    }

    [Fact]
    public void Parse_SameKeyInSiblingObjects_IsAccepted()
    {
        Assert.True(Parse(ApiKind.OpenAIChat, """{"model":"m","messages":[{"role":"user","content":"a"},{"role":"user","content":"b"}]}""").Success);
    }

    [Theory]
    [InlineData("{\"model\":\"m\",\"messages\":[", "is not valid JSON")]
    [InlineData("", "is not valid JSON")]
    [InlineData("{\"model\":\"sk-live-secret\",}", "is not valid JSON")]
    [InlineData("[1,2]", "is not a JSON object")]
    [InlineData("\"text\"", "is not a JSON object")]
    public void Parse_NotAnObject_FailsWithoutQuotingTheBody(string json, string expected)
    {
        var result = Parse(ApiKind.OpenAIChat, json);

        Assert.False(result.Success);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("secret", result.Error);
    }

    [Fact]
    public void Parse_NestedDeeperThan64_IsRefused()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70));
        var result = Parse(ApiKind.OpenAIChat, $$"""{"model":"m","messages":[],"x":{{deep}}}""");

        Assert.False(result.Success);
        Assert.Contains("nested deeper than 64", result.Error);
    }

    [Fact]
    public void Parse_NestedWithinLimit_IsAccepted()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 60)) + string.Concat(Enumerable.Repeat("]", 60));

        Assert.True(Parse(ApiKind.OpenAIChat, $$"""{"model":"m","messages":[],"x":{{deep}}}""").Success);
    }
}
