using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Export.Webhooks;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Webhooks;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using Gatehouse.Control.Webhooks;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// The running gateway tells webhooks of approvals and checkpoints: signed JSON and a Slack message when a request is
/// held and when it is resolved, each signed checkpoint, and an audit entry for a webhook that cannot be reached.
/// </summary>
public sealed class WebhookTests : GatewayTest, IClassFixture<WebhookTests.Receiver>
{
    private const string Secret = "whsec-functional-0123456789";
    private const string Prompt = "rotate the signing keys in src/auth/keys.cs";

    private const string Policy = """
        default: allow
        rules:
          - name: frontier-models-need-review
            match: {models: ['gpt-5*']}
            effect: require_approval
            reason: frontier models need a lead's approval
            approval: {reviewer_groups: [leads], wait: 60s}
        """;

    // The held requests wait up to 60 s (under the client's 100 s) so that a slow delivery or review on a busy machine
    // does not run the wait out before the test resolves the approval.
    private readonly Receiver _receiver;
    private readonly string _files = Directory.CreateTempSubdirectory("gatehouse-webhooks-").FullName;

    public WebhookTests(Receiver receiver)
    {
        _receiver = receiver;
    }

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        var policy = Path.Combine(_files, "policy.yaml");
        File.WriteAllText(policy, Policy);
        var key = Path.Combine(_files, "audit.pem");
        File.WriteAllText(key, CheckpointKeys.Generate().PrivateKeyPem);
        var hooks = _receiver.Upstream.BaseUri;
        return config with
        {
            Policy = new PolicyConfig { File = policy },
            Access = new AccessConfig
            {
                Connections = new Dictionary<string, AccessConnectionConfig> { ["locked"] = new() { ReviewerGroups = ["leads"], MaxDuration = TimeSpan.FromHours(4) } },
            },
            Audit = config.Audit with { Checkpoints = new CheckpointConfig { KeyFile = key, Interval = TimeSpan.FromSeconds(1), Entries = 1 } },
            Notifications = new NotificationsConfig
            {
                Webhooks =
                [
                    new WebhookConfig { Name = "siem", Url = new Uri(hooks, "json"), Secret = Secret, Events = WebhookEvents.All },
                    new WebhookConfig { Name = "reviewers", Url = new Uri(hooks, "slack"), Format = WebhookFormat.Slack, Events = [WebhookEvents.ApprovalRequested] },
                    new WebhookConfig { Name = "down", Url = new Uri("http://127.0.0.1:9/hook?token=t0k"), Secret = Secret, Events = [WebhookEvents.ApprovalRequested], MaxAttempts = 1 },
                ],
            },
        };
    }

    protected override void CleanUp() => Directory.Delete(_files, recursive: true);

    [Fact]
    public async Task HeldRequest_NotifiesRequestedThenResolved_SignedAndWithoutThePrompt()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("done"));

        var held = Gateway.Client(Gateway.Token("kai", "dev")).PostAsync("openai/v1/chat/completions",
            new StringContent($$"""{"model":"gpt-5","messages":[{"role":"user","content":"{{Prompt}}"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        var requested = await _receiver.WaitForAsync("/json", WebhookEvents.ApprovalRequested, d => Approval(d).GetProperty("requester").GetString() == "kai@dev.local");
        var approval = Approval(requested);
        var id = approval.GetProperty("id").GetString()!;
        Assert.Equal("pending", approval.GetProperty("state").GetString());
        Assert.Equal("frontier-models-need-review", approval.GetProperty("rule").GetString());
        Assert.Equal("openai", approval.GetProperty("connection").GetString());
        Assert.Equal(64, approval.GetProperty("contentDigest").GetString()!.Length);
        Assert.Equal($"{Gateway.BaseUri}api/approvals/{id}", approval.GetProperty("url").GetString());
        Assert.True(WebhookSignature.Verify(Secret, requested.Headers["x-gatehouse-timestamp"], requested.Headers["x-gatehouse-signature"],
            requested.Body, TimeProvider.System.GetUtcNow(), WebhookSignature.DefaultWindow));

        using (var approved = await Gateway.Client(Gateway.Token("lee", "leads")).PostAsync(
            $"api/approvals/{id}/approve", new StringContent("""{"justification":"fine"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        using var response = await held;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resolved = Approval(await _receiver.WaitForAsync("/json", WebhookEvents.ApprovalResolved, d => Approval(d).GetProperty("id").GetString() == id));
        Assert.Equal("approved", resolved.GetProperty("state").GetString());
        Assert.Equal("lee", resolved.GetProperty("reviewer").GetString());
        Assert.Equal("fine", resolved.GetProperty("reviewJustification").GetString());

        var slack = await _receiver.WaitForAsync("/slack", WebhookEvents.ApprovalRequested, d => d.BodyText.Contains(id, StringComparison.Ordinal));
        Assert.Contains($"gatehouse approvals approve {id} --url", slack.BodyText, StringComparison.Ordinal);
        Assert.All(_receiver.Upstream.Received, d =>
        {
            Assert.DoesNotContain("signing keys", d.BodyText, StringComparison.Ordinal);
            Assert.DoesNotContain(GatewayUnderTest.UpstreamSecret, d.BodyText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task HeldRequest_WithdrawnByItsRequester_NotifiesResolvedAsCancelled_NamingWhoWithdrew()
    {
        var requester = Gateway.Client(Gateway.Token("wes", "dev"));
        var held = requester.PostAsync("openai/v1/chat/completions",
            new StringContent("""{"model":"gpt-5","messages":[{"role":"user","content":"never mind"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        var requested = await _receiver.WaitForAsync("/json", WebhookEvents.ApprovalRequested, d => Approval(d).GetProperty("requester").GetString() == "wes@dev.local");
        var id = Approval(requested).GetProperty("id").GetString()!;

        using (var cancelled = await requester.PostAsync($"api/approvals/{id}/cancel", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        using var response = await held;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var resolved = await _receiver.WaitForAsync("/json", WebhookEvents.ApprovalResolved, d => Approval(d).GetProperty("id").GetString() == id);
        var approval = Approval(resolved);
        Assert.Equal("cancelled", approval.GetProperty("state").GetString());
        Assert.Equal("wes", approval.GetProperty("reviewer").GetString());
        Assert.Equal("frontier-models-need-review", approval.GetProperty("rule").GetString());
        Assert.True(WebhookSignature.Verify(Secret, resolved.Headers["x-gatehouse-timestamp"], resolved.Headers["x-gatehouse-signature"],
            resolved.Body, TimeProvider.System.GetUtcNow(), WebhookSignature.DefaultWindow));
    }

    [Fact]
    public async Task AccessRequest_NotifiesGrantRequestedThenResolved_SignedWithItsReviewer_AndAWithdrawal()
    {
        var developer = Gateway.Client(Gateway.Token("gus", "dev"));
        var id = await RequestAccessAsync(developer, "hotfix for the login outage");

        var requested = await _receiver.WaitForAsync("/json", WebhookEvents.GrantRequested, d => Grant(d).GetProperty("id").GetString() == id);
        var grant = Grant(requested);
        Assert.Equal("pending", grant.GetProperty("state").GetString());
        Assert.Equal("gus@dev.local", grant.GetProperty("requester").GetString());
        Assert.Equal("locked", grant.GetProperty("connection").GetString());
        Assert.Equal("1h", grant.GetProperty("duration").GetString());
        Assert.Equal("hotfix for the login outage", grant.GetProperty("reason").GetString());
        Assert.Equal($"{Gateway.BaseUri}api/access/requests/{id}", grant.GetProperty("url").GetString());
        Assert.True(WebhookSignature.Verify(Secret, requested.Headers["x-gatehouse-timestamp"], requested.Headers["x-gatehouse-signature"],
            requested.Body, TimeProvider.System.GetUtcNow(), WebhookSignature.DefaultWindow));

        using (var approved = await Gateway.Client(Gateway.Token("lee", "leads")).PostAsync(
            $"api/access/requests/{id}/approve", new StringContent("""{"justification":"go ahead"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        var resolved = Grant(await _receiver.WaitForAsync("/json", WebhookEvents.GrantResolved, d => Grant(d).GetProperty("id").GetString() == id));
        Assert.Equal("approved", resolved.GetProperty("state").GetString());
        Assert.Equal("lee", resolved.GetProperty("reviewer").GetString());
        Assert.Equal("go ahead", resolved.GetProperty("reviewJustification").GetString());
        Assert.Equal(JsonValueKind.String, resolved.GetProperty("endsAt").ValueKind);

        var withdrawnId = await RequestAccessAsync(developer, "second thoughts");
        using (var cancelled = await developer.PostAsync($"api/access/requests/{withdrawnId}/cancel", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        var withdrawn = Grant(await _receiver.WaitForAsync("/json", WebhookEvents.GrantResolved, d => Grant(d).GetProperty("id").GetString() == withdrawnId));
        Assert.Equal("cancelled", withdrawn.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("endsAt").ValueKind);
    }

    [Fact]
    public async Task UnreachableWebhook_IsAuditedAsAFailedNotification_NamingItButNotItsUrl()
    {
        var held = Gateway.Client(Gateway.Token("ada", "dev")).PostAsync("openai/v1/chat/completions",
            new StringContent("""{"model":"gpt-5","messages":[{"role":"user","content":"hello"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        var payload = await WaitForFailureAsync();
        Assert.Equal("down", payload.GetProperty("webhook").GetString());
        Assert.Equal(WebhookEvents.ApprovalRequested, payload.GetProperty("notification").GetString());
        Assert.Equal(1, payload.GetProperty("attempts").GetInt32());
        Assert.StartsWith("apr_", payload.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("t0k", payload.GetRawText(), StringComparison.Ordinal);

        var id = payload.GetProperty("subject").GetString();
        using var rejected = await Gateway.Client(Gateway.Token("lee", "leads")).PostAsJsonAsync(
            $"api/approvals/{id}/reject", new { justification = "no" }, TestContext.Current.CancellationToken);
        using var response = await held;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SignedCheckpoint_IsPublished_AndVerifiesWithThePublicKey()
    {
        using (var response = await Gateway.Client(Gateway.Token("pat", "dev")).PostAsync("openai/v1/chat/completions",
            new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The receiver lives for the whole class and every test's gateway signs checkpoints with its own key, so the
        // delivery to check is the one signed by this test's key, not the first one the receiver happens to hold.
        using var verifier = CheckpointVerifier.FromPem(await File.ReadAllTextAsync(Path.Combine(_files, "audit.pem"), TestContext.Current.CancellationToken));
        var delivery = await _receiver.WaitForAsync("/json", WebhookEvents.CheckpointSigned,
            d => CheckpointOf(d).GetProperty("keyId").GetString() == verifier.KeyId);
        var c = CheckpointOf(delivery);
        var checkpoint = new Checkpoint(
            c.GetProperty("treeSize").GetInt64(), c.GetProperty("rootHash").GetBytesFromBase64(), c.GetProperty("time").GetDateTimeOffset(),
            c.GetProperty("keyId").GetString()!, c.GetProperty("signature").GetBytesFromBase64());
        Assert.True(verifier.Verify(checkpoint));
        Assert.True(checkpoint.TreeSize >= 1);
        Assert.StartsWith(checkpoint.SignedText, c.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    private static JsonElement CheckpointOf(ReceivedRequest delivery)
        => JsonDocument.Parse(delivery.Body).RootElement.GetProperty("checkpoint").Clone();

    private static JsonElement Grant(ReceivedRequest delivery)
        => JsonDocument.Parse(delivery.Body).RootElement.GetProperty("grant");

    private static async Task<string> RequestAccessAsync(HttpClient client, string reason)
    {
        using var response = await client.PostAsync("api/access/requests",
            new StringContent($$"""{"connection":"locked","duration":"1h","reason":"{{reason}}"}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("id").GetString()!;
    }

    private static JsonElement Approval(ReceivedRequest delivery)
        => JsonDocument.Parse(delivery.Body).RootElement.GetProperty("approval");

    private async Task<JsonElement> WaitForFailureAsync()
    {
        var payload = await Eventually.ValueAsync(
            async () =>
            {
                await using var store = Gateway.OpenStore();
                await foreach (var entry in store.ReadAllAsync(TestContext.Current.CancellationToken))
                {
                    if (entry.Kind == WebhookFailureAudit.FailedKind)
                    {
                        return JsonDocument.Parse(entry.Payload);
                    }
                }

                return null;
            },
            "a notification.failed entry in the audit");
        return payload.RootElement;
    }

    /// <summary>One webhook receiver on loopback for the class; tests pick their deliveries out by path, event and id.</summary>
    public sealed class Receiver : IAsyncLifetime
    {
        public FakeUpstream Upstream { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Upstream = await FakeUpstream.StartAsync();

        public async ValueTask DisposeAsync() => await Upstream.DisposeAsync();

        public Task<ReceivedRequest> WaitForAsync(string path, string eventName, Func<ReceivedRequest, bool> match)
            => Eventually.ValueAsync(
                () => Task.FromResult(Upstream.Received.FirstOrDefault(d => d.PathAndQuery == path
                    && d.Headers.TryGetValue("x-gatehouse-event", out var e) && e == eventName && match(d))),
                $"a {eventName} delivery at {path}");
    }
}
