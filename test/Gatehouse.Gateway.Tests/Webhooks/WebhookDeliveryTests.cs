using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Export.Webhooks;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Webhooks;
using Gatehouse.Testing;
using Gatehouse.Control.Webhooks;

namespace Gatehouse.Gateway.Tests.Webhooks;

/// <summary>Deliveries over real HTTP to a loopback receiver: signed, shaped, retried with backoff, failures audited.</summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task JsonWebhook_ApprovalRequested_ArrivesSignedWithItsHeaders()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(receiver.Url)]);

        Assert.True(rig.Enqueue(WebhookRig.Requested()));
        await Eventually.UntilAsync(() => !receiver.Received.IsEmpty, "the delivery to arrive");

        var delivery = Assert.Single(receiver.Received);
        Assert.Equal("/hooks/gatehouse?token=q-secret", delivery.PathAndQuery);
        Assert.Equal("approval.requested", delivery.Header("x-gatehouse-event"));
        Assert.StartsWith("whd_", delivery.Header("x-gatehouse-delivery"), StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(
            WebhookRig.Secret, delivery.Header("x-gatehouse-timestamp"), delivery.Header("x-gatehouse-signature"), delivery.Body,
            rig.Time.GetUtcNow(), WebhookSignature.DefaultWindow));
        Assert.False(WebhookSignature.Verify(
            "some-other-secret-of-length", delivery.Header("x-gatehouse-timestamp"), delivery.Header("x-gatehouse-signature"), delivery.Body,
            rig.Time.GetUtcNow(), WebhookSignature.DefaultWindow));

        using var json = JsonDocument.Parse(delivery.Body);
        var root = json.RootElement;
        Assert.Equal(delivery.Header("x-gatehouse-delivery"), root.GetProperty("id").GetString());
        var approval = root.GetProperty("approval");
        Assert.Equal("apr_0001", approval.GetProperty("id").GetString());
        Assert.Equal("pending", approval.GetProperty("state").GetString());
        Assert.Equal("auth-files-need-review", approval.GetProperty("rule").GetString());
        Assert.Equal(new string('a', 64), approval.GetProperty("contentDigest").GetString());
        Assert.Equal("https://gatehouse.example.com/api/approvals/apr_0001", approval.GetProperty("url").GetString());
    }

    [Fact]
    public async Task SlackWebhook_ApprovalRequested_IsTextAndBlocksWithTheLinkAndTheCliCommand()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(receiver.Url) with { Name = "slack", Format = WebhookFormat.Slack, Secret = null }]);

        rig.Enqueue(WebhookRig.Requested());
        await Eventually.UntilAsync(() => !receiver.Received.IsEmpty, "the delivery to arrive");

        var delivery = Assert.Single(receiver.Received);
        Assert.Equal("", delivery.Header("x-gatehouse-signature"));
        using var json = JsonDocument.Parse(delivery.Body);
        var root = json.RootElement;
        Assert.Equal(["blocks", "text"], root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("apr_0001", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        var blocks = root.GetProperty("blocks").EnumerateArray().ToList();
        Assert.All(blocks, b => Assert.Contains(b.GetProperty("type").GetString(), new[] { "section", "context", "actions" }));
        var button = blocks.Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements")[0];
        Assert.Equal("https://gatehouse.example.com/api/approvals/apr_0001", button.GetProperty("url").GetString());
        var text = string.Join("\n", Strings(root));
        Assert.Contains("gatehouse approvals approve apr_0001 --url https://gatehouse.example.com", text, StringComparison.Ordinal);
        Assert.Contains("edits &lt;auth&gt; &amp; login", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receiver_FailsTwiceThenAccepts_DeliveredOnceAfterBackoff_WithTheSameDeliveryId()
    {
        await using var receiver = await WebhookReceiver.StartAsync([500, 503]);
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(receiver.Url)]);

        rig.Enqueue(WebhookRig.Requested());
        await rig.Timers.UntilArmedAsync("the delivery to sleep on its first backoff", within: WebhookRig.LongestBackoff);

        // Asleep on a timer that only the test moves: a retry that did not wait for its backoff would be here by now.
        Assert.Single(receiver.Received);

        await rig.AdvanceUntilAsync(() => rig.Logged(1600), "the delivery to be taken (event 1600)");

        Assert.Equal(3, receiver.Received.Count);
        Assert.Equal(0, rig.Timers.Armed(within: WebhookRig.LongestBackoff));
        Assert.Single(receiver.Received.Select(d => d.Header("x-gatehouse-delivery")).Distinct());
        Assert.Empty(rig.Audit.Entries);
    }

    [Fact]
    public async Task Receiver_AlwaysFails_GivesUpAfterMaxAttempts_AndAuditsTheFailureWithoutTheUrl()
    {
        await using var receiver = await WebhookReceiver.StartAsync(thenStatus: 502);
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(receiver.Url, maxAttempts: 3)]);
        using var metrics = new WebhookMeasurements(rig.Meters);

        rig.Enqueue(WebhookRig.Requested());
        await rig.AdvanceUntilAsync(() => !rig.Audit.Entries.IsEmpty, "the failure to be audited");

        Assert.Equal(3, receiver.Received.Count);
        var entry = Assert.Single(rig.Audit.Entries);
        Assert.Equal("notification.failed", entry.Kind);
        using var json = JsonDocument.Parse(entry.Payload);
        var payload = json.RootElement;
        Assert.Equal("ops-json", payload.GetProperty("webhook").GetString());
        Assert.Equal("approval.requested", payload.GetProperty("notification").GetString());
        Assert.Equal(receiver.Received.First().Header("x-gatehouse-delivery"), payload.GetProperty("deliveryId").GetString());
        Assert.Equal(3, payload.GetProperty("attempts").GetInt32());
        Assert.Equal(502, payload.GetProperty("lastStatus").GetInt32());
        var text = Encoding.UTF8.GetString(entry.Payload);
        Assert.DoesNotContain("q-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookRig.Secret, text, StringComparison.Ordinal);
        Assert.Equal(3, metrics.Sum("gatehouse.webhook.attempt.failures", "reason", "502"));
        Assert.Equal(1, metrics.Sum("gatehouse.webhook.deliveries", "outcome", "failed"));
        Assert.Equal(0, metrics.Sum("gatehouse.webhook.deliveries", "outcome", "delivered"));
        Assert.Contains(rig.Logs.Lines, l => l.Id.Id == 1601);
        Assert.Contains(rig.Logs.Lines, l => l.Id.Id == 1602 && l.Text.Contains("ops-json", StringComparison.Ordinal));
        Assert.All(rig.Logs.Lines, l => Assert.DoesNotContain("q-secret", l.Text, StringComparison.Ordinal));
        Assert.All(rig.Logs.Lines, l => Assert.DoesNotContain(WebhookRig.Secret, l.Text, StringComparison.Ordinal));
        Assert.All(rig.Logs.Lines, l => Assert.DoesNotContain("kai@example.com", l.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Receiver_Refuses_WithA4xx_IsNotRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync(thenStatus: 410);
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(receiver.Url)]);

        rig.Enqueue(WebhookRig.Requested());
        await Eventually.UntilAsync(() => !rig.Audit.Entries.IsEmpty, "the failure to be audited");

        Assert.Single(receiver.Received);
        using var json = JsonDocument.Parse(Assert.Single(rig.Audit.Entries).Payload);
        Assert.Equal(1, json.RootElement.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Receiver_Unreachable_FailureNamesTheErrorNotTheAddress()
    {
        // Bound but not listening: connections to the port are refused, and nothing else can take it meanwhile.
        using var parked = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        parked.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var closed = new Uri($"http://127.0.0.1:{((IPEndPoint)parked.LocalEndPoint!).Port}/hooks/gatehouse?token=q-secret");

        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(closed, maxAttempts: 2)]);
        rig.Enqueue(WebhookRig.Requested());
        await rig.AdvanceUntilAsync(() => !rig.Audit.Entries.IsEmpty, "the failure to be audited");

        using var json = JsonDocument.Parse(Assert.Single(rig.Audit.Entries).Payload);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("lastStatus").ValueKind);
        Assert.Equal("ConnectionError", json.RootElement.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task Queue_Full_DropsWithoutWaiting_AndTheDropIsAudited()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(receiver.Url)], queueCapacity: 2, start: false);
        using var metrics = new WebhookMeasurements(rig.Meters);

        var accepted = Enumerable.Range(0, 5).Select(i => rig.Enqueue(WebhookRig.Requested($"apr_{i}"))).ToList();
        await rig.StartAsync();
        await Eventually.UntilAsync(() => receiver.Received.Count == 2 && !rig.Audit.Entries.IsEmpty, "two deliveries and the drop's audit entry");

        Assert.Equal([true, true, false, false, false], accepted);
        Assert.Equal(3, metrics.Sum("gatehouse.webhook.dropped", "event", "approval.requested"));
        await Eventually.UntilAsync(() => metrics.Sum("gatehouse.webhook.deliveries", "outcome", "delivered") == 2, "both deliveries to be counted");
        var entry = Assert.Single(rig.Audit.Entries);
        Assert.Equal("notification.dropped", entry.Kind);
        using var json = JsonDocument.Parse(entry.Payload);
        Assert.Equal(3, json.RootElement.GetProperty("count").GetInt64());
        Assert.Equal("approval.requested", json.RootElement.GetProperty("notification").GetString());
    }

    [Fact]
    public async Task Delivery_FaultsUnexpectedly_TheNextNoticeIsStillDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync([410]);
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(receiver.Url)]);
        rig.Audit.Broken = true;

        rig.Enqueue(WebhookRig.Requested("apr_1"));
        await Eventually.UntilAsync(() => rig.Logged(1607, "InvalidOperationException"), "the first delivery's fault to be logged (event 1607)");
        rig.Enqueue(WebhookRig.Requested("apr_2"));
        await Eventually.UntilAsync(() => receiver.Received.Count == 2, "the second notice to arrive");

        Assert.Contains("apr_1", Encoding.UTF8.GetString(receiver.Received.First().Body), StringComparison.Ordinal);
        Assert.Contains("apr_2", Encoding.UTF8.GetString(receiver.Received.Last().Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_NotSubscribedToTheEvent_GetsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(receiver.Url) with { Events = [WebhookEvents.CheckpointSigned] }]);
        using var metrics = new WebhookMeasurements(rig.Meters);

        Assert.False(rig.Enqueue(WebhookRig.Requested()));

        // The queue is read in order: had the approval notice been queued, its delivery would have begun before this one.
        var at = WebhookRig.Requested().At;
        Assert.True(rig.Enqueue(new CheckpointNotice(new Checkpoint(7, new byte[32], at, "key-1", new byte[64]), at)));
        await Eventually.UntilAsync(() => metrics.Sum("gatehouse.webhook.deliveries", "outcome", "delivered") == 1, "the checkpoint's delivery");

        Assert.Equal("checkpoint.signed", Assert.Single(receiver.Received).Header("x-gatehouse-event"));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
