using System.Text;
using System.Text.Json;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Tests.Responses;
using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Rewriting;

public sealed class BodyRewritingTests
{
    public static TheoryData<ApiKind> Apis => ResponseFixtures.Apis;

    [Theory]
    [MemberData(nameof(Apis))]
    public void Rewrite_IdentityRewriter_ReleasesTheBodyUnchanged(ApiKind api)
    {
        var (_, body, expected) = ResponseFixtures.For(api);

        var (output, rewriter) = Rewriting.Run(api, JsonType, body, IdentityTextRewriter.Instance);

        Assert.Equal(body, Encoding.UTF8.GetString(output));
        Assert.Equal(expected, Describe(Run(api, JsonType, output)));
        Assert.Equal(0, rewriter.UnknownShapes);
    }

    [Theory]
    [MemberData(nameof(ResponseFixtures.ToolCallApis), MemberType = typeof(ResponseFixtures))]
    public void Rewrite_Secrets_AreMaskedInTextAndArguments(ApiKind api)
    {
        var (_, body, _) = ResponseFixtures.For(api);

        var summary = Rewriting.Summary(api, JsonType, body, new SecretRewriter("wörld", "Paris"));

        Assert.Equal("Hello, " + SecretRewriter.Mask + " 🙂", summary.Text);
        using var arguments = JsonDocument.Parse(summary.ToolCalls[0].Arguments);
        Assert.Equal(SecretRewriter.Mask, arguments.RootElement.GetProperty("city").GetString());
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public void Rewrite_UppercasingRewriter_RewritesReasoningAndKeepsOtherFields(ApiKind api)
    {
        var (_, body, _) = ResponseFixtures.For(api);
        var original = Run(api, JsonType, body);

        var summary = Rewriting.Summary(api, JsonType, body, new UppercaseRewriter(holdAll: false));

        Assert.Equal(original.Reasoning.ToUpperInvariant(), summary.Reasoning);
        Assert.Equal(original.Model, summary.Model);
        Assert.Equal(original.Usage, summary.Usage);
        Assert.Equal(original.ToolCalls.Select(c => c.Id), summary.ToolCalls.Select(c => c.Id));
    }

    [Fact]
    public void Rewrite_AnthropicToolInput_RewritesNestedStringsAsPlainTextButNotNames()
    {
        const string Body = """{"content":[{"type":"text","text":"x"},{"type":"tool_use","id":"t","name":"n","input":{"path":"a","opts":{"list":["b",1.50,{"c":"d"}]}}}]}""";
        var rewriter = new UppercaseRewriter(holdAll: false);

        var (output, _) = Rewriting.Run(ApiKind.AnthropicMessages, JsonType, Body, rewriter);

        Assert.Equal(
            """{"content":[{"type":"text","text":"X"},{"type":"tool_use","id":"t","name":"n","input":{"path":"A","opts":{"list":["B",1.50,{"c":"D"}]}}}]}""",
            Encoding.UTF8.GetString(output));
        Assert.Equal([new TextChannel(TextChannelKind.Content), .. Enumerable.Repeat(new TextChannel(TextChannelKind.ToolInput, Index: 1), 3)], rewriter.RewrittenWhole);
    }

    [Theory]
    [InlineData("""{"choices":[{"message":{"content":"x"}},""", "response body is not valid JSON")]
    [InlineData("""{"a":1,"a":2}""", "response body has duplicate property names")]
    [InlineData("""[1]""", "response body is not a JSON object")]
    public void Rewrite_MalformedBody_ReportsErrorAndReleasesNothing(string body, string error)
    {
        var (output, rewriter) = Rewriting.Run(ApiKind.OpenAIChat, JsonType, body, IdentityTextRewriter.Instance);

        Assert.Empty(output);
        Assert.Equal(error, rewriter.Error);
    }

    [Fact]
    public void Rewrite_BodyOverTheBound_ReportsErrorAndReleasesNothing()
    {
        var rewriter = new ProtocolRegistry(maxJsonBodyBytes: 64).Get(ApiKind.OpenAIChat)!.CreateResponseRewriter(JsonType, IdentityTextRewriter.Instance);
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        rewriter.Append(new byte[65], output);
        rewriter.Complete(output);

        Assert.Equal(0, output.WrittenCount);
        Assert.Equal("response body exceeds 64 bytes and was not rewritten", rewriter.Error);
    }
}
