using System.Buffers;
using System.Text;
using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Pipeline;
using Gatehouse.Protocols.Tests.Rewriting;

namespace Gatehouse.Protocols.Tests.Pipeline;

/// <summary>A masked JSON (not streamed) body is parsed once: the body reader reads the rewriter's parse.</summary>
public sealed class MaskedBodyParseTests
{
    private const string Secret = "acme_\"sec\\ret\"_é";

    // Chat's tool arguments are JSON inside a string: a secret there is one JSON would not escape.
    private const string ArgumentSecret = "acme_secret_arg";

    // The secret as the upstream writes it inside a JSON string.
    private static readonly string Escaped = JsonSerializer.Serialize(Secret)[1..^1];

    public static TheoryData<ApiKind, string> Bodies => new()
    {
        { ApiKind.OpenAIChat, Fill("""{"id":"c1","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"key @S@ end","tool_calls":[{"id":"t1","type":"function","function":{"name":"run","arguments":"{\"k\":\"@A@\"}"}}]},"logprobs":{"content":[]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}""") },
        { ApiKind.OpenAIResponses, Fill("""{"id":"r1","object":"response","model":"m","status":"completed","output":[{"type":"message","id":"i1","role":"assistant","content":[{"type":"output_text","text":"key @S@ end","annotations":[]}]},{"type":"function_call","id":"f1","call_id":"c1","name":"run","arguments":"@S@"}],"usage":{"input_tokens":1,"output_tokens":2,"total_tokens":3}}""") },
        { ApiKind.AnthropicMessages, Fill("""{"id":"m1","type":"message","role":"assistant","model":"m","content":[{"type":"text","text":"key @S@ end"},{"type":"tool_use","id":"t1","name":"run","input":{"k":"@S@","n":1,  "nested":{"v":"x @S@"}}}],"stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":2}}""") },
        { ApiKind.OpenAICompletions, Fill("""{"id":"c1","object":"text_completion","model":"m","choices":[{"index":0,"text":"key @S@ end","finish_reason":"stop"}]}""") },
    };

    private static string Fill(string body)
        => body.Replace("@S@", Escaped, StringComparison.Ordinal).Replace("@A@", ArgumentSecret, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Bodies))]
    public void MaskedBody_ParsedOnce_CaptureReadsAsTheClientsBytes(ApiKind api, string body)
    {
        var (client, summary, parses) = Run(api, body, hold: false);

        Assert.Equal(1, parses);
        Assert.DoesNotContain("sec", client, StringComparison.Ordinal);
        Assert.Equal(Reference(api, client), Describe(summary));
        Assert.Contains(SecretRewriter.Mask, summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("sec", Describe(summary), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void MaskedBody_Held_ParsedOnceForHoldAndCapture(ApiKind api, string body)
    {
        var (client, summary, parses) = Run(api, body, hold: true);

        Assert.Equal(1, parses);
        Assert.Equal(Reference(api, client), Describe(summary));
    }

    [Fact]
    public void UnmaskedBody_ParsedOnce()
    {
        var body = """{"id":"c1","object":"text_completion","model":"m","choices":[{"index":0,"text":"hello","finish_reason":"stop"}]}""";
        using var pipeline = new ProtocolRegistry().Get(ApiKind.OpenAICompletions)!.CreateResponsePipeline(new ResponsePipelineOptions { ContentType = "application/json" });
        var before = JsonBody.ParsesOnThisThread;

        Drive(pipeline, body, new ArrayBufferWriter<byte>());
        var summary = pipeline.Summarise(complete: true)!;

        Assert.Equal(1, JsonBody.ParsesOnThisThread - before);
        Assert.Equal("hello", summary.Text);
    }

    private static (string Client, ResponseSummary Summary, long Parses) Run(ApiKind api, string body, bool hold)
    {
        using var pipeline = new ProtocolRegistry().Get(api)!.CreateResponsePipeline(new ResponsePipelineOptions
        {
            ContentType = "application/json",
            Masking = new SecretRewriter(Secret, ArgumentSecret),
            Hold = hold ? new ResponseHoldOptions(FromStart: true, MaxHeldBytes: 1 << 20) : null,
        });
        var client = new ArrayBufferWriter<byte>();
        var before = JsonBody.ParsesOnThisThread;

        Drive(pipeline, body, client);
        if (hold)
        {
            Assert.NotNull(pipeline.HoldSummary);
            client.Write(pipeline.Hold!.Held.Span);
        }

        var summary = pipeline.Summarise(complete: true)!;
        var parses = JsonBody.ParsesOnThisThread - before;
        return (Encoding.UTF8.GetString(client.WrittenSpan), summary, parses);
    }

    private static void Drive(ResponsePipeline pipeline, string body, ArrayBufferWriter<byte> client)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var half = bytes.Length / 2;
        pipeline.Append(bytes.AsSpan(0, half));
        Assert.Null(pipeline.Error);
        pipeline.Release(client);
        pipeline.Append(bytes.AsSpan(half));
        pipeline.Release(client);
        pipeline.Complete();
        Assert.Null(pipeline.Error);
        Assert.Equal(0, pipeline.UnknownShapes);
        pipeline.Release(client);
        pipeline.End(client);
    }

    // What reading the client's bytes afresh says: the capture must say the same.
    private static string Reference(ApiKind api, string client)
    {
        using var pipeline = new ProtocolRegistry().Get(api)!.CreateResponsePipeline(new ResponsePipelineOptions { ContentType = "application/json" });
        Drive(pipeline, client, new ArrayBufferWriter<byte>());
        return Describe(pipeline.Summarise(complete: true)!);
    }

    private static string Describe(ResponseSummary summary)
        => JsonSerializer.Serialize(new { summary.Model, summary.Text, summary.Reasoning, summary.FinishReason, Calls = summary.ToolCalls.Select(c => $"{c.Id}|{c.Name}|{c.Arguments}"), summary.Error });
}
