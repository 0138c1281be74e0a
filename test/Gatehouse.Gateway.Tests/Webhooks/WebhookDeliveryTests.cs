using System.Text;
using System.Text.Json;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Webhooks;

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
        await WaitForAsync(() => !receiver.Received.IsEmpty);

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
        await WaitForAsync(() => !receiver.Received.IsEmpty);

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
        await WaitForAsync(() => receiver.Received.Count == 1);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Single(receiver.Received);

        await rig.AdvanceUntilAsync(() => receiver.Received.Count == 3);
        await rig.AdvanceUntilAsync(() => rig.Time.GetUtcNow() > WebhookRig.Requested().At.AddSeconds(30));

        Assert.Equal(3, receiver.Received.Count);
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
        await rig.AdvanceUntilAsync(() => !rig.Audit.Entries.IsEmpty);

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
        await WaitForAsync(() => !rig.Audit.Entries.IsEmpty);

        Assert.Single(receiver.Received);
        using var json = JsonDocument.Parse(Assert.Single(rig.Audit.Entries).Payload);
        Assert.Equal(1, json.RootElement.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Receiver_Unreachable_FailureNamesTheErrorNotTheAddress()
    {
        Uri closed;
        await using (var gone = await WebhookReceiver.StartAsync())
        {
            closed = gone.Url;
        }

        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(closed, maxAttempts: 2)]);
        rig.Enqueue(WebhookRig.Requested());
        await rig.AdvanceUntilAsync(() => !rig.Audit.Entries.IsEmpty);

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
        await WaitForAsync(() => receiver.Received.Count == 2 && !rig.Audit.Entries.IsEmpty);

        Assert.Equal([true, true, false, false, false], accepted);
        Assert.Equal(3, metrics.Sum("gatehouse.webhook.dropped", "event", "approval.requested"));
        await WaitForAsync(() => metrics.Sum("gatehouse.webhook.deliveries", "outcome", "delivered") == 2);
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
        await WaitForAsync(() => receiver.Received.Count == 1);
        rig.Enqueue(WebhookRig.Requested("apr_2"));
        await WaitForAsync(() => receiver.Received.Count == 2);

        Assert.Contains("apr_2", Encoding.UTF8.GetString(receiver.Received.Last().Body), StringComparison.Ordinal);
        Assert.Contains(rig.Logs.Lines, l => l.Id.Id == 1607 && l.Text.Contains("InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_NotSubscribedToTheEvent_GetsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(receiver.Url) with { Events = [WebhookEvents.CheckpointSigned] }]);

        Assert.False(rig.Enqueue(WebhookRig.Requested()));
        await Task.Delay(100, TestContext.Current.CancellationToken);

        Assert.Empty(receiver.Received);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static async Task WaitForAsync(Func<bool> done)
    {
        for (var i = 0; i < 1000 && !done(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(done(), "the condition did not come true");
    }
}
