using Anthropic;
using Anthropic.Models.Messages;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

public sealed class AnthropicMessagesTests : GatewayTest
{

    [Fact]
    public async Task Create_WithApiKeyHeader_UpstreamGetsOrgKeyAndAuditHasTheMessage()
    {
        Upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(AnthropicShapes.Message("fn main() {}"));
        };
        var token = Gateway.Token("sam", "dev");

        var message = await Client(token).Messages.Create(Params("write main"), TestContext.Current.CancellationToken);

        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal("fn main() {}", text!.Text);
        var received = Assert.Single(Upstream.Received);
        Assert.Equal("/v1/messages", received.PathAndQuery);
        Assert.Equal(GatewayUnderTest.UpstreamSecret, received.Headers["x-api-key"]);
        var record = await Single("sam");
        Assert.Equal("anthropic.messages", record.Intent.Api);
        Assert.Contains("write main", record.Intent.Prompt, StringComparison.Ordinal);
        Assert.Equal("fn main() {}", record.Outcome!.Response);
        Assert.Equal(10, record.Outcome.InputTokens);
    }

    [Fact]
    public async Task CreateStreaming_ThroughGateway_ClientGetsTextAndAuditAssemblesIt()
    {
        string[] pieces = ["def ", "two():", " return 2"];
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, AnthropicShapes.StreamEvents(pieces));

        var text = "";
        await foreach (var e in Client(Gateway.Token("tara")).Messages.CreateStreaming(Params("two"), TestContext.Current.CancellationToken))
        {
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
            {
                text += piece.Text;
            }
        }

        Assert.Equal(string.Concat(pieces), text);
        var record = await Single("tara");
        Assert.True(record.Intent.Stream);
        Assert.Equal(string.Concat(pieces), record.Outcome!.Response);
        Assert.Equal("end_turn", record.Outcome.FinishReason);
    }

    private AnthropicClient Client(string token)
        => new() { ApiKey = token, BaseUrl = new Uri(Gateway.BaseUri, "anthropic").ToString(), MaxRetries = 0 };

    private static MessageCreateParams Params(string prompt) => new()
    {
        Model = "claude-test",
        MaxTokens = 256,
        Messages = [new UserMessageParam { Content = prompt }],
    };

    private Task<Gatehouse.Audit.Records.ExchangeRecord> Single(string user) => Gateway.WaitForExchangeAsync(user);
}
