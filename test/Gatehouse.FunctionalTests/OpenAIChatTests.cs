using System.ClientModel;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests;

public sealed class OpenAIChatTests : GatewayTest
{

    [Fact]
    public async Task CompleteChat_ThroughGateway_UpstreamGetsOrgCredentialAndAuditHasTheExchange()
    {
        Upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(OpenAIShapes.Completion("int Add(int a, int b) => a + b;"));
        };
        var token = Gateway.Token("alice@example.com", "dev");

        var completion = await Chat(token).CompleteChatAsync([new UserChatMessage("write an add function")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("int Add(int a, int b) => a + b;", completion.Value.Content[0].Text);
        var received = Assert.Single(Upstream.Received);
        Assert.Equal("/v1/chat/completions", received.PathAndQuery);
        Assert.Equal("Bearer " + GatewayUnderTest.UpstreamSecret, received.Headers["Authorization"]);
        Assert.DoesNotContain(token, string.Join("\n", received.Headers.Values), StringComparison.Ordinal);

        var record = await Gateway.WaitForExchangeAsync("alice@example.com");
        Assert.Equal("openai", record.Intent.Connection);
        Assert.Equal("openai.chat", record.Intent.Api);
        Assert.Equal("gpt-test", record.Intent.Model);
        Assert.Contains("write an add function", record.Intent.Prompt, StringComparison.Ordinal);
        Assert.Equal(["dev"], record.Intent.Identity.Groups);
        Assert.Equal(200, record.Outcome!.Status);
        Assert.Equal("int Add(int a, int b) => a + b;", record.Outcome.Response);
        Assert.Equal(11, record.Outcome.InputTokens);
        Assert.Equal(7, record.Outcome.OutputTokens);
        Assert.Contains("audit.intent", record.Outcome.Coverage);
        Assert.Contains("response.parsed", record.Outcome.Coverage);
        Assert.Null(record.Outcome.Failure);
    }

    [Fact]
    public async Task CompleteChatStreaming_ThroughGateway_ClientGetsTextAndAuditAssemblesIt()
    {
        string[] pieces = ["public ", "static ", "int ", "Two() ", "=> 2;"];
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(pieces));
        var token = Gateway.Token("bob", "dev");

        var text = "";
        await foreach (var update in Chat(token).CompleteChatStreamingAsync([new UserChatMessage("two")], cancellationToken: TestContext.Current.CancellationToken))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
        }

        Assert.Equal(string.Concat(pieces), text);
        var record = await Gateway.WaitForExchangeAsync("bob");
        Assert.True(record.Intent.Stream);
        Assert.Equal(string.Concat(pieces), record.Outcome!.Response);
        Assert.Equal("stop", record.Outcome.FinishReason);
    }

    [Fact]
    public async Task Upstream_WhenCalled_FindsTheIntentAlreadyDurable()
    {
        var intentSeen = false;
        Upstream.OnRequest = async _ =>
        {
            await using var store = Gateway.OpenStore();
            var page = await store.SearchAsync(new ExchangeQuery { User = "carol" }, CancellationToken.None);
            intentSeen = page.Items.Count == 1 && page.Items[0].Outcome is null;
        };
        Upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        };

        await Chat(Gateway.Token("carol")).CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(intentSeen, "the intent record was not in the store when the upstream was called");
    }

    [Fact]
    public async Task Streaming_IsForwardedAsItArrives_NotBufferedToTheEnd()
    {
        var firstSeenByClient = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Upstream.Handler = async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(Sse.Data(OpenAIShapes.Chunk(new { role = "assistant", content = "first " }, null)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);

            // The rest is only sent once the client has the first delta: a buffering gateway would deadlock here until
            // the client gives up. (The delta ends in a space: masking holds back a trailing word until it knows no
            // secret continues it.)
            await firstSeenByClient.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync(Sse.Data(OpenAIShapes.Chunk(new { content = "second" }, "stop")) + "data: [DONE]\n\n", context.RequestAborted);
        };

        var text = "";
        await foreach (var update in Chat(Gateway.Token("dave")).CompleteChatStreamingAsync([new UserChatMessage("go")], cancellationToken: TestContext.Current.CancellationToken))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
            if (text == "first ")
            {
                firstSeenByClient.TrySetResult();
            }
        }

        Assert.Equal("first second", text);
    }

    private ChatClient Chat(string token)
        => new("gpt-test", new ApiKeyCredential(token), new OpenAIClientOptions { Endpoint = new Uri(Gateway.BaseUri, "openai/v1"), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0) });
}
