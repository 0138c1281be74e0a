using System.Security.Cryptography;
using System.Text;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Tests.Fakes;

namespace Gatehouse.Audit.Tests.Payloads;

public sealed class AuditEntryCodecTests
{
    [Fact]
    public void ForIntent_PromptGoesToBodyNotPayload()
    {
        var draft = AuditEntryCodec.ForIntent(Exchanges.Intent("ex-1", "secret prompt text"), Exchanges.Start);

        Assert.Equal(AuditEntryKinds.Intent, draft.Kind);
        Assert.Equal("secret prompt text", Encoding.UTF8.GetString(draft.Body!));
        Assert.Equal(SHA256.HashData(draft.Body!), draft.BodyHash);
        Assert.DoesNotContain("secret prompt", Encoding.UTF8.GetString(draft.Payload), StringComparison.Ordinal);
        Assert.Equal("alice", draft.Index.Subject);
        Assert.Equal("alice@example.com", draft.Index.Email);
        Assert.Equal("openai", draft.Index.Connection);
        Assert.Equal("gpt-test", draft.Index.Model);
        Assert.Equal("allow", draft.Index.Decision);
    }

    [Fact]
    public void DecodeIntent_RoundTripsEveryField()
    {
        var intent = Exchanges.Intent("ex-1");
        var draft = AuditEntryCodec.ForIntent(intent, Exchanges.Start);

        var decoded = AuditEntryCodec.DecodeIntent(draft.Payload, draft.Body);

        Assert.Equal(intent.Identity.Groups, decoded.Identity.Groups);
        Assert.Equal(intent.Findings, decoded.Findings);
        Assert.Equal(intent.Rules, decoded.Rules);
        Assert.Equal(intent with { Identity = decoded.Identity, Findings = decoded.Findings, Rules = decoded.Rules }, decoded);
        Assert.Equal(intent.Identity with { Groups = decoded.Identity.Groups }, decoded.Identity);
    }

    [Fact]
    public void DecodeOutcome_RoundTripsEveryField()
    {
        var outcome = Exchanges.Outcome("ex-1");
        var draft = AuditEntryCodec.ForOutcome(outcome, Exchanges.Start);

        var decoded = AuditEntryCodec.DecodeOutcome(draft.Payload, draft.Body);

        Assert.Equal(outcome.ToolCalls, decoded.ToolCalls);
        Assert.Equal(outcome.Coverage, decoded.Coverage);
        Assert.Equal(outcome.Findings, decoded.Findings);
        Assert.Equal(outcome with { ToolCalls = decoded.ToolCalls, Coverage = decoded.Coverage, Findings = decoded.Findings }, decoded);
        Assert.Equal(200, draft.Index.Status);
    }

    [Fact]
    public void DecodeIntent_BodyRemoved_GivesNullPrompt()
    {
        var draft = AuditEntryCodec.ForIntent(Exchanges.Intent("ex-1"), Exchanges.Start);

        var decoded = AuditEntryCodec.DecodeIntent(draft.Payload, body: null);

        Assert.Null(decoded.Prompt);
        Assert.Equal("ex-1", decoded.ExchangeId);
    }

    [Fact]
    public void ForIntent_SameIntentTwice_GivesSamePayloadBytes()
    {
        var first = AuditEntryCodec.ForIntent(Exchanges.Intent("ex-1"), Exchanges.Start);
        var second = AuditEntryCodec.ForIntent(Exchanges.Intent("ex-1"), Exchanges.Start);

        Assert.Equal(first.Payload, second.Payload);
    }

    [Fact]
    public void ForInterrupted_RecordsFailureWithoutBody()
    {
        var draft = AuditEntryCodec.ForInterrupted("ex-9", Exchanges.Start);

        var decoded = AuditEntryCodec.DecodeOutcome(draft.Payload, draft.Body);

        Assert.Equal(AuditEntryKinds.Interrupted, draft.Kind);
        Assert.Null(draft.Body);
        Assert.Null(draft.BodyHash);
        Assert.Equal(AuditEntryCodec.InterruptedFailure, decoded.Failure);
        Assert.Equal("ex-9", decoded.ExchangeId);
    }

    [Fact]
    public void Finding_WithoutPlaceholder_IsWrittenAsBeforeTheField_AndAPlaceholderOneRoundTrips()
    {
        var plain = Exchanges.Intent("ex-1");
        var flagged = plain with { Findings = [plain.Findings[0] with { Placeholder = true }] };

        var plainPayload = Encoding.UTF8.GetString(AuditEntryCodec.ForIntent(plain, Exchanges.Start).Payload);
        var flaggedDraft = AuditEntryCodec.ForIntent(flagged, Exchanges.Start);

        Assert.Contains("{\"rule\":\"aws-access-key-id\",\"category\":\"secret\",\"direction\":\"request\",\"field\":\"prompt\",\"fingerprint\":\"5f0c2a\"}", plainPayload, StringComparison.Ordinal);
        Assert.Contains("\"fingerprint\":\"5f0c2a\",\"placeholder\":true}", Encoding.UTF8.GetString(flaggedDraft.Payload), StringComparison.Ordinal);
        Assert.True(AuditEntryCodec.DecodeIntent(flaggedDraft.Payload, flaggedDraft.Body).Findings[0].Placeholder);
    }

    [Fact]
    public void ForIntent_PiecesWithoutPrompt_RecordsTheSameEntryAsThePromptWithItsPieces()
    {
        string[] pieces = ["[system]\nYou review code.", "\n\n[user]\nWhy does this allocate?"];
        var whole = Exchanges.Intent("ex-1", string.Concat(pieces)) with { PromptParts = pieces };

        var given = AuditEntryCodec.ForIntent(whole with { Prompt = null }, Exchanges.Start);
        var joined = AuditEntryCodec.ForIntent(whole, Exchanges.Start);

        Assert.Equal(joined.Payload, given.Payload);
        Assert.Equal(joined.Body, given.Body);
        Assert.Equal(joined.BodyHash, given.BodyHash);
        Assert.Equal(joined.BodyParts!.Select(p => p.Hash), given.BodyParts!.Select(p => p.Hash));
        Assert.Equal(string.Concat(pieces), AuditEntryCodec.DecodeIntent(given.Payload, given.Body).Prompt);
    }

    [Fact]
    public void ForIntent_EmptyPieceWithoutPrompt_RecordsTheJoinedPromptAsOnePart()
    {
        var intent = Exchanges.Intent("ex-1") with { Prompt = null, PromptParts = ["[user]\nhi", ""] };

        var draft = AuditEntryCodec.ForIntent(intent, Exchanges.Start);

        Assert.Equal("[user]\nhi", Encoding.UTF8.GetString(draft.Body!));
        Assert.Single(draft.BodyParts!);
    }

    [Fact]
    public void ForIntent_EncodedPiecesWithoutPrompt_RecordsTheSameEntryAsTheTextPieces()
    {
        string[] pieces = ["[system]\nYou review code \U0001F511.", "\n\n[user]\nWhy does this allocate?"];
        var text = Exchanges.Intent("ex-1") with { Prompt = null, PromptParts = pieces };
        var encoded = text with { PromptParts = null, PromptEncodedParts = [.. pieces.Select(p => BodyParts.FromText(p.AsMemory()))] };

        var fromText = AuditEntryCodec.ForIntent(text, Exchanges.Start);
        var fromEncoded = AuditEntryCodec.ForIntent(encoded, Exchanges.Start);

        Assert.Equal(fromText.Payload, fromEncoded.Payload);
        Assert.Equal(fromText.Body, fromEncoded.Body);
        Assert.Equal(fromText.BodyHash, fromEncoded.BodyHash);
        Assert.Equal(fromText.BodyParts!.Select(p => p.Hash), fromEncoded.BodyParts!.Select(p => p.Hash));
        Assert.Equal(fromText.BodyParts!.Select(p => p.Content), fromEncoded.BodyParts!.Select(p => p.Content));
    }

    [Fact]
    public void ForIntent_EmptyEncodedPiece_RecordsTheJoinedPromptAsOnePart()
    {
        var intent = Exchanges.Intent("ex-1") with { Prompt = null, PromptEncodedParts = [BodyParts.FromText("[user]\nhi".AsMemory()), BodyParts.FromText()] };
        var text = Exchanges.Intent("ex-1") with { Prompt = null, PromptParts = ["[user]\nhi", ""] };

        var draft = AuditEntryCodec.ForIntent(intent, Exchanges.Start);

        Assert.Equal("[user]\nhi", Encoding.UTF8.GetString(draft.Body!));
        Assert.Single(draft.BodyParts!);
        Assert.Equal(AuditEntryCodec.ForIntent(text, Exchanges.Start).BodyHash, draft.BodyHash);
    }
}
