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
/// Outcome appends in flight are bounded by <c>audit.queueCapacity</c>: past it an exchange's handler waits for a slot
/// (back-pressure on its connection), and nothing is dropped or refused.
/// </summary>
public sealed class OutcomeAppendBoundTests : IAsyncLifetime
{
    // The smallest audit.queueCapacity the configuration accepts.
    private const int Bound = 16;

    // Only a guard against hanging for ever.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly GatedOutcomes _gate = new();
    private FakeUpstream _upstream = null!;
    private GatewayUnderTest _gateway = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(OpenAIShapes.Completion("fine"), context.RequestAborted);
        };
        _gateway = await GatewayUnderTest.StartAsync(
            _upstream,
            adjust: config => config with { Audit = config.Audit with { QueueCapacity = Bound } },
            services: services => services.AddSingleton<IAuditTrail>(sp => _gate.Over(sp.GetRequiredService<AuditWriter>())));
    }

    public async ValueTask DisposeAsync()
    {
        _gate.Open();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task BoundReached_NextExchangeWaitsForASlot_ThenCompletesAndEveryOutcomeIsRecorded()
    {
        var appends = _gateway.Services.GetRequiredService<OutcomeAppends>();
        Assert.Equal(Bound, appends.Capacity);
        using var client = new OneConnection(_gateway.BaseUri, _gateway.Token("wren"));

        // Bound exchanges, one after the other on one connection, each answered while every outcome is held.
        for (var i = 0; i < Bound; i++)
        {
            var (status, _) = await client.ChatAsync(Token).WaitAsync(Guard, Token);
            Assert.Equal(HttpStatusCode.OK, status);
        }

        await Eventually.UntilAsync(() => _gate.Arrived == Bound, $"{Bound} outcomes held at the gate");
        Assert.Equal(Bound, appends.Pending);

        // One more: its response still ends (the response never waits for the audit), then its handler waits for a slot.
        var (over, _) = await client.ChatAsync(Token).WaitAsync(Guard, Token);
        Assert.Equal(HttpStatusCode.OK, over);
        await Eventually.UntilAsync(() => appends.Waiting == 1, "the exchange over the bound waiting for a slot");

        // Its handler has not returned, so the next request on the connection is not read while the gate stays shut.
        var next = client.ChatAsync(Token);
        Assert.Equal(Bound, _gate.Arrived);
        Assert.Equal(1, appends.Waiting);
        Assert.False(next.IsCompleted, "a request on the connection was answered while its previous handler waited for a slot");

        _gate.Open();
        var (afterwards, _) = await next.WaitAsync(Guard, Token);
        Assert.Equal(HttpStatusCode.OK, afterwards);
        Assert.Equal(1, client.Opened);

        await using var store = _gateway.OpenStore();
        var recorded = await Eventually.ValueAsync(
            async () =>
            {
                var page = await store.SearchAsync(new ExchangeQuery { User = "wren", Limit = 100 }, CancellationToken.None);
                return page.Items.Count == Bound + 2 && page.Items.All(item => item.Outcome is not null) ? page : null;
            },
            $"{Bound + 2} exchanges of wren with their outcomes");
        Assert.All(recorded.Items, item => Assert.Equal(200, item.Outcome!.Status));
        await Eventually.UntilAsync(() => appends.Pending == 0, "no outcome append left pending");
    }
}
