using System.Net;
using Gatehouse.Audit;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Writing;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// The outcome's append never delays the client: the response ends first, the next request on the same connection is
/// served while the outcome is still being written, and the outcome is still recorded.
/// </summary>
public sealed class OutcomeAfterResponseTests : IAsyncLifetime
{
    // Only a guard against hanging for ever: it fails the test when the client never sees the end while the gate is shut.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private FakeUpstream _upstream = null!;
    private GatewayUnderTest _gateway = null!;
    private readonly GatedOutcomes _gate = new();

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _gateway = await GatewayUnderTest.StartAsync(_upstream, services: services => services.AddSingleton<IAuditTrail>(sp =>
            _gate.Over(sp.GetRequiredService<AuditWriter>())));
    }

    public async ValueTask DisposeAsync()
    {
        _gate.Open();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task StreamedResponse_ClientSeesItsEnd_WhileTheOutcomeAppendIsHeld_ThenTheOutcomeIsRecorded()
    {
        _upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(["Hello", " there"]));
        using var client = _gateway.Client(_gateway.Token("uma"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "openai/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json"),
        };

        var reading = ReadWholeAsync(client, request);
        await _gate.Held.WaitAsync(Guard, TestContext.Current.CancellationToken);
        var (status, body) = await reading.WaitAsync(Guard, TestContext.Current.CancellationToken);

        // The client has the whole stream, its terminator included, while the outcome still waits at the gate.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Hello there", Sse.AssembledChatContent(body));
        await using (var store = _gateway.OpenStore())
        {
            var page = await store.SearchAsync(new ExchangeQuery { User = "uma" }, TestContext.Current.CancellationToken);
            Assert.Null(Assert.Single(page.Items).Outcome);
        }

        _gate.Open();
        var recorded = await _gateway.WaitForExchangeAsync("uma");
        Assert.Equal(200, recorded.Outcome!.Status);
        Assert.Equal("Hello there", recorded.Outcome.Response);
    }

    [Fact]
    public async Task OneKeepAliveConnection_NextRequestIsServed_WhileThePreviousOutcomeIsHeld_ThenBothOutcomesAreRecorded()
    {
        _upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(OpenAIShapes.Completion("fine"), context.RequestAborted);
        };
        using var client = new OneConnection(_gateway.BaseUri, _gateway.Token("vera"));

        var first = await client.ChatAsync(TestContext.Current.CancellationToken).WaitAsync(Guard, TestContext.Current.CancellationToken);
        await _gate.Held.WaitAsync(Guard, TestContext.Current.CancellationToken);

        // The first outcome is held at the gate. Kestrel reads the next request on a keep-alive connection only once the
        // previous request's handler has returned, so this is answered only if the handler did not wait for the commit.
        var second = await client.ChatAsync(TestContext.Current.CancellationToken).WaitAsync(Guard, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(1, client.Opened);
        await Eventually.UntilAsync(() => _gate.Arrived == 2, "both outcomes held at the gate");
        Assert.Equal(2, _gateway.Services.GetRequiredService<OutcomeAppends>().Pending);
        await using (var store = _gateway.OpenStore())
        {
            var page = await store.SearchAsync(new ExchangeQuery { User = "vera" }, TestContext.Current.CancellationToken);
            Assert.Equal(2, page.Items.Count);
            Assert.All(page.Items, item => Assert.Null(item.Outcome));
        }

        _gate.Open();
        var recorded = await OutcomesAsync("vera", 2);
        Assert.All(recorded, item => Assert.Equal(200, item.Outcome!.Status));
        Assert.All(recorded, item => Assert.Equal("fine", item.Outcome!.Response));
        await Eventually.UntilAsync(() => _gateway.Services.GetRequiredService<OutcomeAppends>().Pending == 0, "no outcome append left pending");
    }

    [Fact]
    public async Task GracefulStop_WithAnOutcomeHeld_StopsTheServerFirst_ThenWritesTheOutcomeBeforeTheAuditWriterStops()
    {
        _upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(OpenAIShapes.Completion("fine"), context.RequestAborted);
        };
        using (var client = new OneConnection(_gateway.BaseUri, _gateway.Token("xena")))
        {
            var (status, _) = await client.ChatAsync(TestContext.Current.CancellationToken).WaitAsync(Guard, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, status);
        }

        await _gate.Held.WaitAsync(Guard, TestContext.Current.CancellationToken);
        var stopping = _gateway.StopAsync();

        // The web server stops first (its port refuses connections) while the stop waits for the held outcome.
        await Eventually.UntilAsync(async () => !await AcceptsAsync(_gateway.BaseUri), "the web server to stop listening");
        Assert.False(stopping.IsCompleted, "the host stopped while an outcome was still being written");
        Assert.Equal(1, _gateway.Services.GetRequiredService<OutcomeAppends>().Pending);

        // Released: written by the audit writer, which stops only after it (an append after its stop would fail).
        _gate.Open();
        await stopping.WaitAsync(Guard, TestContext.Current.CancellationToken);
        var recorded = await _gateway.WaitForExchangeAsync("xena");
        Assert.Equal(200, recorded.Outcome!.Status);
        Assert.Equal(0, _gateway.Services.GetRequiredService<OutcomeAppends>().Pending);
    }

    private static async Task<bool> AcceptsAsync(Uri server)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(server.Host, server.Port, TestContext.Current.CancellationToken);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<Gatehouse.Audit.Records.ExchangeRecord>> OutcomesAsync(string user, int count)
    {
        await using var store = _gateway.OpenStore();
        return await Eventually.ValueAsync<IReadOnlyList<Gatehouse.Audit.Records.ExchangeRecord>>(
            async () =>
            {
                var page = await store.SearchAsync(new ExchangeQuery { User = user }, CancellationToken.None);
                return page.Items.Count == count && page.Items.All(item => item.Outcome is not null) ? page.Items : null;
            },
            $"{count} exchanges of {user} with their outcomes");
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadWholeAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
