using CsCheck;
using System.Text;
using System.Text.Json;
using Gatehouse.Export.Formatting;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Tests.Support;
using Gatehouse.Testing;

namespace Gatehouse.Export.Tests.Formatting;

public sealed class NativeJsonFormatterTests
{
    [Fact]
    public void Format_Intent_CarriesSequenceHashAndTheStoredPayload()
    {
        var entry = Entries.SealedIntent(sequence: 7);

        var root = Parse(ExportFormatters.Create(ExportFormat.Json, includeBodies: false).Format(entry).Payload);

        Assert.Equal(7, root.GetProperty("seq").GetInt64());
        Assert.Equal("exchange.intent", root.GetProperty("kind").GetString());
        Assert.Equal(Convert.ToHexStringLower(entry.Hash), root.GetProperty("hash").GetString());
        Assert.Equal(Encoding.UTF8.GetString(entry.Payload), root.GetProperty("entry").GetRawText());
        Assert.False(root.TryGetProperty("body", out _));
    }

    [Fact]
    public void Format_OutcomeWithoutBodies_BlanksToolArgumentsAndOmitsTheResponse()
    {
        var line = Encoding.UTF8.GetString(ExportFormatters.Create(ExportFormat.Json, includeBodies: false).Format(Entries.SealedOutcome()).Payload.Span);

        Assert.DoesNotContain("rm -rf", line, StringComparison.Ordinal);
        Assert.DoesNotContain("here is the fix", line, StringComparison.Ordinal);
        Assert.Contains("run_shell", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_OutcomeWithBodies_CarriesResponseAndToolArguments()
    {
        var root = Parse(ExportFormatters.Create(ExportFormat.Json, includeBodies: true).Format(Entries.SealedOutcome()).Payload);

        Assert.Equal("here is the fix", root.GetProperty("body").GetString());
        Assert.Contains("rm -rf", root.GetProperty("entry").GetProperty("toolCalls")[0].GetProperty("arguments").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_AnyEntry_MatchesTheDecodedGrade()
    {
        string[] decisions = ["allow", "deny", "approval_required"];
        var drafts = Gen.Int[0, 5].Select(Gen.Int[100, 599], Gen.Int[0, 2], (kind, status, decision) => kind switch
        {
            0 => Gatehouse.Audit.Payloads.AuditEntryCodec.ForIntent(Entries.Intent(decision: decisions[decision]), Entries.Time),
            1 => Gatehouse.Audit.Payloads.AuditEntryCodec.ForOutcome(Entries.Outcome(status: status), Entries.Time),
            2 => Gatehouse.Audit.Payloads.AuditEntryCodec.ForOutcome(Entries.Outcome(status: status) with { Failure = "audit_intent_late" }, Entries.Time),
            3 => Gatehouse.Audit.Payloads.AuditEntryCodec.ForInterrupted("ex-1", Entries.Time),
            4 => Gatehouse.Audit.Payloads.AuditEntryCodec.ForSignInFailure(Entries.SignIn(), Entries.Time),
            _ => Entries.Review(),
        });

        drafts.ForAll(draft =>
        {
            var entry = Entries.Seal(draft);
            Assert.Equal(EntryDecoder.Decode(entry, includeBodies: false).Severity, EntrySeverity.Of(entry));
        });
    }

    private static JsonElement Parse(ReadOnlyMemory<byte> payload) => JsonDocument.Parse(payload).RootElement;
}
