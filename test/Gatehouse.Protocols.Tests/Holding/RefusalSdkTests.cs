#pragma warning disable OPENAI001 // The Responses client is marked for evaluation; it is the official one.
using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Anthropic.Models.Messages;
using Gatehouse.Protocols.Tests.Responses;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Responses;

namespace Gatehouse.Protocols.Tests.Holding;

/// <summary>The official SDKs read every refusal as a normal, complete answer: after a released prefix, or alone.</summary>
public sealed class RefusalSdkTests
{
    private const string Refusal = "A reviewer rejected this response (approval apr_1).";

    [Fact]
    public async Task OpenAIChat_StreamRefusedAfterText_SdkGetsTextThenRefusalAndStop()
    {
        var run = HeldBytes.Run(ApiKind.OpenAIChat, OpenAIChatFixtures.Stream, stream: true);
        var client = Chat(run.Refused(Refusal), "text/event-stream");

        var text = "";
        ChatFinishReason? finish = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("x")], cancellationToken: TestContext.Current.CancellationToken))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
            finish = update.FinishReason ?? finish;
            Assert.Empty(update.ToolCallUpdates);
        }

        Assert.Equal("Hello, wörld 🙂" + Refusal, text);
        Assert.Equal(ChatFinishReason.Stop, finish);
    }

    [Fact]
    public async Task OpenAIChat_BodyRefused_SdkGetsACompletion()
    {
        var run = HeldBytes.Run(ApiKind.OpenAIChat, OpenAIChatFixtures.Body, stream: false);

        var completion = (await Chat(run.Refused(Refusal), "application/json").CompleteChatAsync([new UserChatMessage("x")], cancellationToken: TestContext.Current.CancellationToken)).Value;

        Assert.Equal(Refusal, completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Empty(completion.ToolCalls);
    }

    [Fact]
    public async Task Anthropic_StreamRefusedAfterText_SdkGetsTextThenRefusalAndStop()
    {
        var run = HeldBytes.Run(ApiKind.AnthropicMessages, AnthropicFixtures.Stream, stream: true);

        var text = "";
        var stopped = false;
        await foreach (var e in Anthropic(run.Refused(Refusal), "text/event-stream").Messages.CreateStreaming(Params(), TestContext.Current.CancellationToken))
        {
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
            {
                text += piece.Text;
            }

            stopped |= e.TryPickStop(out _);
        }

        Assert.Equal("Hello, wörld 🙂" + Refusal, text);
        Assert.True(stopped);
    }

    [Fact]
    public async Task Anthropic_HeldFromTheStart_SdkGetsAWholeStreamedMessage()
    {
        var run = HeldBytes.Run(ApiKind.AnthropicMessages, AnthropicFixtures.Stream, stream: true, fromStart: true);

        var text = "";
        await foreach (var e in Anthropic(run.Refused(Refusal), "text/event-stream").Messages.CreateStreaming(Params(), TestContext.Current.CancellationToken))
        {
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
            {
                text += piece.Text;
            }
        }

        Assert.Equal(Refusal, text);
    }

    [Fact]
    public async Task Anthropic_BodyRefused_SdkGetsAMessage()
    {
        var run = HeldBytes.Run(ApiKind.AnthropicMessages, AnthropicFixtures.Body, stream: false);

        var message = await Anthropic(run.Refused(Refusal), "application/json").Messages.Create(Params(), TestContext.Current.CancellationToken);

        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal(Refusal, text!.Text);
    }

    [Fact]
    public async Task OpenAIResponses_StreamRefusedAfterText_SdkSeesACompletedResponse()
    {
        var run = HeldBytes.Run(ApiKind.OpenAIResponses, OpenAIResponsesFixtures.Stream, stream: true);

        ResponseResult? completed = null;
        var text = "";
        await foreach (var update in await Responses(run.Refused(Refusal), "text/event-stream").CreateResponseStreamingAsync("m", "x", null, TestContext.Current.CancellationToken))
        {
            if (update is StreamingResponseOutputTextDeltaUpdate delta)
            {
                text += delta.Delta;
            }

            completed = (update as StreamingResponseCompletedUpdate)?.Response ?? completed;
        }

        Assert.Equal("Hello, wörld 🙂" + Refusal, text);
        Assert.NotNull(completed);
        Assert.Equal(ResponseStatus.Completed, completed.Status);
        Assert.Equal(Refusal, completed.GetOutputText());
    }

    [Fact]
    public async Task OpenAIResponses_BodyRefused_SdkGetsACompletedResponse()
    {
        var run = HeldBytes.Run(ApiKind.OpenAIResponses, OpenAIResponsesFixtures.Body, stream: false);

        var response = (await Responses(run.Refused(Refusal), "application/json").CreateResponseAsync("m", "x", null, TestContext.Current.CancellationToken)).Value;

        Assert.Equal(ResponseStatus.Completed, response.Status);
        Assert.Equal(Refusal, response.GetOutputText());
    }

    private static ChatClient Chat(string body, string contentType)
        => new("m", new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("http://canned/v1"), Transport = Transport(body, contentType) });

    private static ResponsesClient Responses(string body, string contentType)
        => new(new ApiKeyCredential("k"), new ResponsesClientOptions { Endpoint = new Uri("http://canned/v1"), Transport = Transport(body, contentType) });

    private static HttpClientPipelineTransport Transport(string body, string contentType)
        => new(new HttpClient(new CannedHandler(body, contentType)));

    private static AnthropicClient Anthropic(string body, string contentType) => new()
    {
        ApiKey = "k",
        BaseUrl = "http://canned",
        HttpClient = new HttpClient(new CannedHandler(body, contentType)),
        MaxRetries = 0,
        ResponseValidation = true,
    };

    private static MessageCreateParams Params() => new()
    {
        Model = "claude-test",
        MaxTokens = 16,
        Messages = [new UserMessageParam { Content = "x" }],
    };
}
