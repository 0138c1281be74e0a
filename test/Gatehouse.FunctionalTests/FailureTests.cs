using System.Net;
using Gatehouse.Audit.Records;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests;

public sealed class FailureTests : GatewayTest
{
    protected override GatehouseConfig Adjust(GatehouseConfig config)
        => config with { Storage = config.Storage with { BusyTimeout = TimeSpan.FromMilliseconds(200) } };

    [Fact]
    public async Task StoreCannotWrite_Gets503_AndTheUpstreamIsNeverCalled()
    {
        // Another process holds the database's write lock: the audit cannot write, so the gateway must refuse.
        await using var locked = await StoreLock.TakeAsync(Gateway.DatabasePath);

        using var response = await Gateway.Client(Gateway.Token("lena")).PostAsync(
            "openai/v1/chat/completions", Body(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("audit_unavailable", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task Readiness_FollowsTheStoreBeingWritable()
    {
        using var client = Gateway.Client();
        using (var ready = await client.GetAsync("readyz", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        // The gateway caches its probe for 2 s, so readiness turns once the cached answer has aged out: poll for it.
        await using var locked = await StoreLock.TakeAsync(Gateway.DatabasePath);
        await Eventually.UntilAsync(
            async () =>
            {
                using var notReady = await client.GetAsync("readyz", TestContext.Current.CancellationToken);
                return notReady.StatusCode == HttpStatusCode.ServiceUnavailable;
            },
            "/readyz to answer 503 while the store is locked");
        using var live = await client.GetAsync("healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task ClientDisconnectsMidStream_OutcomeIsRecordedAsClientAborted()
    {
        var upstreamGone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Upstream.Handler = async (context, _) =>
        {
            try
            {
                // Events until the gateway gives up on the stream: it cannot end by itself before the client has left.
                await Sse.WriteAsync(context, Enumerable.Range(0, int.MaxValue).Select(i => Sse.Data(OpenAIShapes.Chunk(new { content = $"tok{i} " }, null))), TimeSpan.FromMilliseconds(20));
            }
            finally
            {
                upstreamGone.TrySetResult();
            }
        };

        using (var client = Gateway.Client(Gateway.Token("mia")))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "openai/v1/chat/completions") { Content = Body(stream: true) };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
            var buffer = new byte[64];
            Assert.True(await stream.ReadAsync(buffer, TestContext.Current.CancellationToken) > 0);
        }

        var outcome = await WaitForOutcome("mia");
        Assert.Equal("client_aborted", outcome.Failure);
        Assert.StartsWith("tok0", outcome.Response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpstreamResetsMidStream_OutcomeIsRecordedAsUpstreamReset()
    {
        var clientHasFirstBytes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Upstream.Handler = async (context, _) =>
        {
            await Sse.WriteAsync(context, [Sse.Data(OpenAIShapes.Chunk(new { content = "partial " }, null))]);

            // The reset must come mid-stream: once the client has bytes, the gateway has read the upstream's answer (a
            // reset before that would lose it in the socket, and be a failure before the response, not during it).
            await clientHasFirstBytes.Task.WaitAsync(context.RequestAborted);
            context.Abort();
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, "openai/v1/chat/completions") { Content = Body(stream: true) };
        try
        {
            using var response = await Gateway.Client(Gateway.Token("ned")).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
            var buffer = new byte[256];
            Assert.True(await stream.ReadAsync(buffer, TestContext.Current.CancellationToken) > 0);
            clientHasFirstBytes.TrySetResult();
            await stream.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            // The client sees the stream cut; what matters here is the audit.
        }
        finally
        {
            clientHasFirstBytes.TrySetResult();
        }

        var outcome = await WaitForOutcome("ned");
        Assert.Equal("upstream_reset", outcome.Failure);

        // Whatever of the answer the gateway recorded, it is what the upstream sent, from the start.
        Assert.StartsWith(outcome.Response ?? "", "partial ", StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedUpstreamStream_OnAMaskedConnection_IsCutAndRecorded()
    {
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, ["data: {not json\n\n", "data: [DONE]\n\n"]);

        using var request = new HttpRequestMessage(HttpMethod.Post, "openai/v1/chat/completions") { Content = Body(stream: true) };
        try
        {
            using var response = await Gateway.Client(Gateway.Token("olga")).SendAsync(request, TestContext.Current.CancellationToken);
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }
        catch (HttpRequestException)
        {
            // The cut stream; what matters is the audit.
        }

        // The connection masks responses, so a stream it cannot read is cut rather than passed on unmasked.
        var outcome = await WaitForOutcome("olga");
        Assert.Equal("response_unreadable", outcome.Failure);
    }

    [Fact]
    public async Task UpstreamUnreachable_Gets502Problem_AndTheOutcomeSaysSo()
    {
        await Upstream.DisposeAsync();

        using var response = await Gateway.Client(Gateway.Token("pia")).PostAsync("openai/v1/chat/completions", Body(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("upstream_unreachable", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var outcome = await WaitForOutcome("pia");
        Assert.Equal("upstream_unreachable", outcome.Failure);
        await RestartUpstreamAsync();
    }

    private async Task<ExchangeOutcome> WaitForOutcome(string user) => (await Gateway.WaitForExchangeAsync(user)).Outcome!;

    private static StringContent Body(bool stream = false)
        => new($$"""{"model":"gpt-test","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json");
}
