using System.Text.Json;
using Gatehouse.Export.Transports;
using Gatehouse.Export.Transports.Splunk;
using Gatehouse.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Export.Tests.Transports.Splunk;

public sealed class HecTransportTests : IDisposable
{
    private const string Token = "5f0c2a8e-hec-token";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly HttpClient _client = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Deliver_AckConfirmedAfterDelay_CompletesOnlyOnceIndexed()
    {
        var receiver = new HecReceiver { Token = Token, AckAfterPolls = 3 };
        await using var server = await LoopbackHttpServer.StartAsync(receiver.Map);
        await using var transport = Create(server.Url, index: "audit");
        List<ExportEvent> batch = [TestEvents.Json(1), TestEvents.Text(2, "CEF:0|Gatehouse|Gatehouse|1.0|deny|Denied|5|suser=zoë")];

        await transport.DeliverAsync(batch, TestContext.Current.CancellationToken);

        // Two polls answered false; delivery completed on the third, the first that answered true, and polled no more.
        Assert.Equal(3, receiver.AckPolls);
        Assert.True(Guid.TryParse(Assert.Single(receiver.Channels), out _));
        var events = receiver.Events.ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(TestEvents.Start.AddMilliseconds(1).ToUnixTimeMilliseconds() / 1000m, events[0].GetProperty("time").GetDecimal());
        Assert.All(events, e => Assert.Equal(
            ("gw-1", "gatehouse", "gatehouse:audit", "audit"),
            (Text(e, "host"), Text(e, "source"), Text(e, "sourcetype"), Text(e, "index"))));
        Assert.Equal(JsonValueKind.Object, events[0].GetProperty("event").ValueKind);
        Assert.Equal("émile", events[0].GetProperty("event").GetProperty("user").GetString());
        Assert.Equal(TestEvents.PayloadText(batch[1]), events[1].GetProperty("event").GetString());
        Assert.Equal(["1", "2"], events.Select(e => e.GetProperty("fields").GetProperty("seq").GetString()));
    }

    [Fact]
    public async Task Deliver_AckNeverConfirmed_ThrowsAfterTimeout()
    {
        var receiver = new HecReceiver { Token = Token, AckAfterPolls = null };
        await using var server = await LoopbackHttpServer.StartAsync(receiver.Map);
        var time = new FakeTimeProvider();
        var timers = new TimerWatch(time, time.Advance);
        await using var transport = Create(server.Url, ackTimeout: TimeSpan.FromMilliseconds(250), time: timers);

        var delivery = transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken).AsTask();
        await timers.AdvanceUntilAsync(() => delivery.IsCompleted, "the delivery to give up", within: PollInterval);
        var error = await Assert.ThrowsAsync<ExportDeliveryException>(() => delivery);

        Assert.Contains("ack 1 not confirmed", error.Message, StringComparison.Ordinal);
        Assert.True(receiver.AckPolls >= 2);
    }

    [Fact]
    public async Task Deliver_BadToken_ThrowsTokenRefusedWithoutTheToken()
    {
        var receiver = new HecReceiver { Token = "the-right-token" };
        await using var server = await LoopbackHttpServer.StartAsync(receiver.Map);
        await using var transport = Create(server.Url);

        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken));

        Assert.Equal($"splunk hec {server.Url}/services/collector/event: the token was refused: check the HEC token and that it is enabled (HTTP 403, HEC code 4)", error.Message);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(receiver.Events);
    }

    [Fact]
    public async Task Deliver_ServerBusy_ThrowsThenDeliversOnRetry()
    {
        var receiver = new HecReceiver { Token = Token, BusyAnswers = 1 };
        await using var server = await LoopbackHttpServer.StartAsync(receiver.Map);
        await using var transport = Create(server.Url);

        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken));
        await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken);

        Assert.Contains("server is busy (HTTP 503, HEC code 9)", error.Message, StringComparison.Ordinal);
        Assert.Single(receiver.Events);
    }

    [Fact]
    public async Task Deliver_TokenWithoutAcknowledgement_ThrowsSayingSo()
    {
        var receiver = new HecReceiver { Token = Token, IssueAckIds = false };
        await using var server = await LoopbackHttpServer.StartAsync(receiver.Map);
        await using var transport = Create(server.Url);

        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken));

        Assert.Contains("no ackId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_AcknowledgementOff_CompletesOnAcceptanceWithoutChannel()
    {
        var receiver = new HecReceiver { Token = Token, IssueAckIds = false };
        await using var server = await LoopbackHttpServer.StartAsync(receiver.Map);
        await using var transport = Create(server.Url, acknowledge: false);

        await transport.DeliverAsync(TestEvents.JsonBatch(1, 3), TestContext.Current.CancellationToken);

        Assert.Equal(3, receiver.Events.Count);
        Assert.Null(Assert.Single(receiver.Channels));
        Assert.Equal(0, receiver.AckPolls);
    }

    [Fact]
    public async Task Deliver_CollectorDown_ThrowsConnectionError()
    {
        string url;
        await using (var server = await LoopbackHttpServer.StartAsync(_ => { }))
        {
            url = server.Url;
        }

        await using var transport = Create(url);

        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken));

        Assert.Contains("request failed (ConnectionError)", error.Message, StringComparison.Ordinal);
    }

    private static string? Text(JsonElement e, string name) => e.GetProperty(name).GetString();

    private IExportTransport Create(string url, string? index = null, TimeSpan? ackTimeout = null, bool acknowledge = true, TimeProvider? time = null)
        => NetworkTransports.CreateHec(
            new HecOptions
            {
                Url = url + "/",
                Token = Token,
                Host = "gw-1",
                Index = index,
                UseAcknowledgement = acknowledge,
                AckPollInterval = PollInterval,
                // Only a test of the time-out itself sets one; the others must not time out on a slow machine.
                AckTimeout = ackTimeout ?? Eventually.DefaultTimeout,
            },
            _client,
            time ?? TimeProvider.System,
            NullLogger.Instance);
}
