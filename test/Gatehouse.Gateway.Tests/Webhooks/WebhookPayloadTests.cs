using System.Text.Json;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Gateway.Webhooks;
using Gatehouse.Control.Webhooks;

namespace Gatehouse.Gateway.Tests.Webhooks;

/// <summary>The bodies as receivers parse them: resolved approvals and checkpoints, in both formats.</summary>
public sealed class WebhookPayloadTests
{
    private static readonly ApprovalLinks Links = new("https://gatehouse.example.com");

    [Fact]
    public void Slack_ResolvedApproval_NamesTheOutcomeAndReviewer_WithoutDecisionButtons()
    {
        var notice = WebhookRig.Requested() with { Event = WebhookEvents.ApprovalResolved, State = "rejected", Reviewer = "lee", ReviewJustification = "not now" };

        using var json = JsonDocument.Parse(SlackPayload.Write(notice, Links));

        Assert.StartsWith("Approval rejected: kai@example.com on openai", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var blocks = json.RootElement.GetProperty("blocks").EnumerateArray().ToList();
        Assert.DoesNotContain(blocks, b => b.GetProperty("type").GetString() == "actions");
        var fields = blocks.Single(b => b.TryGetProperty("fields", out _)).GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()).ToList();
        Assert.Contains("*Reviewer*\nlee", fields);
        Assert.Contains("*Review*\nnot now", fields);
    }

    [Fact]
    public void Json_SignedCheckpoint_CarriesTheCheckpointThatVerifies()
    {
        var (privateKey, publicKey) = CheckpointKeys.Generate();
        using var signer = CheckpointSigner.FromPem(privateKey);
        var checkpoint = signer.Sign(42, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

        using var json = JsonDocument.Parse(JsonPayload.Write(new CheckpointNotice(checkpoint, checkpoint.Time), "whd_1", Links));

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

        using var json = JsonDocument.Parse(SlackPayload.Write(new CheckpointNotice(checkpoint, checkpoint.Time), Links));

        Assert.Contains("7 entries", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var all = string.Join("\n", json.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Contains(CheckpointText.Origin, all, StringComparison.Ordinal);
        Assert.Contains(checkpoint.KeyId, all, StringComparison.Ordinal);
    }
}
