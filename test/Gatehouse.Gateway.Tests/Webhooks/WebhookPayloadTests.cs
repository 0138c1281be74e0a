using System.Text.Json;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Gateway.Webhooks;
using Gatehouse.Control.Webhooks;

namespace Gatehouse.Gateway.Tests.Webhooks;

/// <summary>The bodies as receivers parse them: approvals, access requests and checkpoints, in both formats.</summary>
public sealed class WebhookPayloadTests
{
    [Fact]
    public void Slack_ResolvedApproval_NamesTheOutcomeAndReviewer_WithoutDecisionButtons()
    {
        var notice = WebhookRig.Requested() with { Event = WebhookEvents.ApprovalResolved, State = "rejected", Reviewer = "lee", ReviewJustification = "not now" };

        using var json = JsonDocument.Parse(SlackPayload.Write(notice));

        Assert.StartsWith("Approval rejected: kai@example.com on openai", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var blocks = json.RootElement.GetProperty("blocks").EnumerateArray().ToList();
        Assert.DoesNotContain(blocks, b => b.GetProperty("type").GetString() == "actions");
        var fields = blocks.Single(b => b.TryGetProperty("fields", out _)).GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()).ToList();
        Assert.Contains("*Reviewer*\nlee", fields);
        Assert.Contains("*Review*\nnot now", fields);
    }

    [Fact]
    public void Json_ApprovalAndGrant_CarryTheDocumentedFieldsOfTheirKind()
    {
        using var approval = JsonDocument.Parse(JsonPayload.Write(WebhookRig.Requested(), "whd_1"));
        using var grant = JsonDocument.Parse(JsonPayload.Write(ApprovedGrant(), "whd_2"));

        Assert.Equal(
            ["connection", "contentDigest", "exchangeId", "id", "justification", "requester", "reviewJustification", "reviewer", "rule", "state", "url"],
            Names(approval.RootElement.GetProperty("approval")));
        Assert.Equal(
            ["connection", "duration", "endsAt", "id", "reason", "requester", "reviewJustification", "reviewer", "state", "url"],
            Names(grant.RootElement.GetProperty("grant")));
        var g = grant.RootElement.GetProperty("grant");
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 11, 5, 0, TimeSpan.Zero), g.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal("https://gatehouse.example.com/api/access/requests/grt_9", g.GetProperty("url").GetString());
        Assert.Equal("ex_42", approval.RootElement.GetProperty("approval").GetProperty("exchangeId").GetString());
    }

    [Fact]
    public void Slack_PendingGrant_OffersTheAccessCommands_WithoutAButton()
    {
        var notice = ApprovedGrant() with { Event = WebhookEvents.GrantRequested, State = "pending", EndsAt = null, Reviewer = null, ReviewJustification = null };

        using var json = JsonDocument.Parse(SlackPayload.Write(notice));

        Assert.StartsWith("Access requested: gus@example.com on locked (grt_9)", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var blocks = json.RootElement.GetProperty("blocks").EnumerateArray().ToList();
        Assert.DoesNotContain(blocks, b => b.GetProperty("type").GetString() is "actions" or "context");
        var fields = blocks.Single(b => b.TryGetProperty("fields", out _)).GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()).ToList();
        Assert.Equal(["*Requester*\ngus@example.com", "*Connection*\nlocked", "*Duration*\n2h", "*Reason*\nhotfix &lt;now&gt;"], fields);
        var text = string.Join("\n", blocks.Where(b => b.TryGetProperty("text", out _)).Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Contains("gatehouse access approve grt_9 --url https://gatehouse.example.com", text, StringComparison.Ordinal);
        Assert.Contains("gatehouse access reject grt_9 --url https://gatehouse.example.com", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cancelled", "Approval withdrawn")]
    [InlineData("timed_out", "Approval timed out")]
    public void Slack_ResolvedApprovalWithoutADecision_SaysHowItEnded(string state, string headline)
    {
        var notice = WebhookRig.Requested() with { Event = WebhookEvents.ApprovalResolved, State = state };

        using var json = JsonDocument.Parse(SlackPayload.Write(notice));

        Assert.StartsWith($"{headline}: kai@example.com on openai", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_SignedCheckpoint_CarriesTheCheckpointThatVerifies()
    {
        var (privateKey, publicKey) = CheckpointKeys.Generate();
        using var signer = CheckpointSigner.FromPem(privateKey);
        var checkpoint = signer.Sign(42, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

        using var json = JsonDocument.Parse(JsonPayload.Write(new CheckpointNotice(checkpoint, checkpoint.Time), "whd_1"));

        Assert.Equal("checkpoint.signed", json.RootElement.GetProperty("event").GetString());
        var c = json.RootElement.GetProperty("checkpoint");
        var received = new Checkpoint(c.GetProperty("treeSize").GetInt64(), c.GetProperty("rootHash").GetBytesFromBase64(),
            c.GetProperty("time").GetDateTimeOffset(), c.GetProperty("keyId").GetString()!, c.GetProperty("signature").GetBytesFromBase64());
        using var verifier = CheckpointVerifier.FromPem(publicKey);
        Assert.True(verifier.Verify(received));
        Assert.Equal(CheckpointText.FormatNote(checkpoint), c.GetProperty("note").GetString());
    }

    [Fact]
    public void Slack_SignedCheckpoint_ShowsTheSignedNote()
    {
        var (privateKey, _) = CheckpointKeys.Generate();
        using var signer = CheckpointSigner.FromPem(privateKey);
        var checkpoint = signer.Sign(7, new byte[32], new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

        using var json = JsonDocument.Parse(SlackPayload.Write(new CheckpointNotice(checkpoint, checkpoint.Time)));

        Assert.Contains("7 entries", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var all = string.Join("\n", json.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Contains(CheckpointText.Origin, all, StringComparison.Ordinal);
        Assert.Contains(checkpoint.KeyId, all, StringComparison.Ordinal);
    }

    private static ReviewNotice ApprovedGrant() => new(WebhookEvents.GrantResolved, new DateTimeOffset(2026, 11, 25, 9, 5, 0, TimeSpan.Zero))
    {
        Kind = ReviewNoticeKind.Grant,
        Id = "grt_9",
        State = "approved",
        Requester = "gus@example.com",
        Connection = "locked",
        Details = [new("duration", "2h", "Duration"), new("reason", "hotfix <now>", "Reason")],
        EndsAt = new DateTimeOffset(2026, 11, 25, 11, 5, 0, TimeSpan.Zero),
        Reviewer = "lee",
        ReviewJustification = "go ahead",
        Links = WebhookRig.Links.For(ReviewNoticeKind.Grant, "grt_9"),
    };

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
