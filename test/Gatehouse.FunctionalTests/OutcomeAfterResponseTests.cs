using System.Net;
using Gatehouse.Audit;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Writing;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.FunctionalTests;

/// <summary>The outcome's append never delays the client: the response ends first, the outcome is still recorded.</summary>
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

    private static async Task<(HttpStatusCode Status, string Body)> ReadWholeAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
