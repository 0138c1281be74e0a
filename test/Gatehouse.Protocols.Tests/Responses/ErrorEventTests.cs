using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Responses;

public sealed class ErrorEventTests
{
    [Fact]
    public void OpenAIChat_ErrorChunkMidStream_ReportsUpstreamError()
    {
        var stream = SseText.Build(
            (null, """{"id":"c","model":"gpt-4o","choices":[{"index":0,"delta":{"content":"Hi"}}]}"""),
            (null, """{"error":{"message":"The server had an error","type":"server_error"}}"""));

        var summary = Run(ApiKind.OpenAIChat, EventStream, stream);

        Assert.Equal("upstream reported an error event", summary.Error);
        Assert.Equal("Hi", summary.Text);
    }

    [Fact]
    public void OpenAIChat_ErrorBody_ReportsUpstreamError()
    {
        var body = """{"error":{"message":"Invalid model","type":"invalid_request_error","code":"model_not_found"}}""";

        Assert.Equal("upstream reported an error", Run(ApiKind.OpenAIChat, JsonType, body).Error);
    }

    [Fact]
    public void Anthropic_OverloadedErrorEvent_ReportsUpstreamError()
    {
        var stream = SseText.Typed(
            """{"type":"message_start","message":{"model":"claude-sonnet-4-5","usage":{"input_tokens":3,"output_tokens":1}}}""",
            """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""");

        var summary = Run(ApiKind.AnthropicMessages, EventStream, stream);

        Assert.Equal("upstream reported an error event", summary.Error);
        Assert.Equal("claude-sonnet-4-5", summary.Model);
    }

    [Fact]
    public void Anthropic_ErrorBody_ReportsUpstreamError()
    {
        var body = """{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: required"}}""";

        Assert.Equal("upstream reported an error", Run(ApiKind.AnthropicMessages, JsonType, body).Error);
    }

    [Fact]
    public void OpenAIResponses_FailedEvent_ReportsFailureAndIsFinal()
    {
        var stream = SseText.Typed(
            """{"type":"response.created","response":{"model":"gpt-5","status":"in_progress"}}""",
            """{"type":"response.failed","response":{"model":"gpt-5","status":"failed","error":{"code":"server_error","message":"boom"}}}""");

        var summary = Run(ApiKind.OpenAIResponses, EventStream, stream);

        Assert.Equal("upstream reported a failed response", summary.Error);
        Assert.Equal("failed", summary.FinishReason);
    }

    [Fact]
    public void OpenAIResponses_ErrorEvent_ReportsUpstreamError()
    {
        var stream = SseText.Typed("""{"type":"error","code":"rate_limit_exceeded","message":"slow down","param":null}""");

        Assert.Equal("upstream reported an error event", Run(ApiKind.OpenAIResponses, EventStream, stream).Error);
    }

    [Fact]
    public void OpenAIResponses_IncompleteResponse_ReportsItsReason()
    {
        var stream = SseText.Typed(
            """{"type":"response.output_text.delta","output_index":0,"content_index":0,"delta":"Part"}""",
            """{"type":"response.incomplete","response":{"model":"gpt-5","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"usage":{"input_tokens":5,"output_tokens":16,"total_tokens":21}}}""");

        var summary = Run(ApiKind.OpenAIResponses, EventStream, stream);

        Assert.Null(summary.Error);
        Assert.Equal("max_output_tokens", summary.FinishReason);
        Assert.Equal("Part", summary.Text);
    }

    [Fact]
    public void Unknown_JsonBodyShape_ReportsError()
    {
        Assert.Equal("response body is not a message", Run(ApiKind.AnthropicMessages, JsonType, """{"hello":"world"}""").Error);
        Assert.Equal("response body is not a chat completion", Run(ApiKind.OpenAIChat, JsonType, "{}").Error);
        Assert.Equal("response body is not a response", Run(ApiKind.OpenAIResponses, JsonType, "[]").Error);
    }

    [Theory]
    [InlineData(ApiKind.OpenAIResponses, """{"type":"response.completed"}""")]
    [InlineData(ApiKind.OpenAIResponses, """{"type":"response.output_text.delta","delta":7}""")]
    [InlineData(ApiKind.AnthropicMessages, """{"type":"content_block_delta","index":"x","delta":[]}""")]
    [InlineData(ApiKind.OpenAIChat, """{"choices":[{"index":-1,"delta":{"content":"x"}}]}""")]
    [InlineData(ApiKind.OpenAIChat, """{"choices":[{"delta":{"content":"\ud800"}}]}""")]
    public void Complete_EventWithMissingOrWrongFields_NeverThrows(ApiKind api, string data)
    {
        var summary = Run(api, EventStream, SseText.Build((null, data)));

        Assert.NotNull(summary.Error);
    }
}
