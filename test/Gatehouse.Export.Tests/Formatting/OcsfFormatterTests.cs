using System.Text.Json;
using CsCheck;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Versioning;
using Gatehouse.Export.Formatting;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Tests.Support;
using Gatehouse.Testing;

namespace Gatehouse.Export.Tests.Formatting;

public sealed class OcsfFormatterTests
{
    [Fact]
    public void Format_Intent_IsApiActivityCreateWithCallerAndApi()
    {
        var root = Format(Entries.SealedIntent());

        Assert.Empty(OcsfRequiredFields.Missing(root));
        Assert.Equal(6003, root.GetProperty("class_uid").GetInt32());
        Assert.Equal(1, root.GetProperty("activity_id").GetInt32());
        Assert.Equal(600301, root.GetProperty("type_uid").GetInt64());
        Assert.Equal(Entries.Time.ToUnixTimeMilliseconds(), root.GetProperty("time").GetInt64());
        Assert.Equal("alice", Path(root, "actor.user.uid").GetString());
        Assert.Equal("alice@example.com", Path(root, "actor.user.email_addr").GetString());
        Assert.Equal("sre", Path(root, "actor.user.groups")[1].GetProperty("name").GetString());
        Assert.Equal("openai.chat", Path(root, "api.operation").GetString());
        Assert.Equal("openai", Path(root, "api.service.name").GetString());
        Assert.Equal("ex-1", Path(root, "api.request.uid").GetString());
        Assert.Equal("10.1.2.3", Path(root, "src_endpoint.ip").GetString());
        Assert.Equal("secret", Path(root, "unmapped.gatehouse.finding_categories")[0].GetString());
        Assert.Equal("Gatehouse", Path(root, "metadata.product.name").GetString());
        Assert.Equal("1", Path(root, "metadata.uid").GetString());
    }

    [Fact]
    public void Format_DeniedIntent_IsFailureWithRulesAndLowSeverity()
    {
        var entry = Entries.Seal(AuditEntryCodec.ForIntent(Entries.Intent(decision: "deny"), Entries.Time));

        var root = Format(entry);

        Assert.Equal(2, root.GetProperty("status_id").GetInt32());
        Assert.Equal(2, root.GetProperty("severity_id").GetInt32());
        Assert.Equal("deny", Path(root, "unmapped.gatehouse.decision").GetString());
        Assert.Equal("no-secrets", Path(root, "unmapped.gatehouse.rules")[0].GetString());
    }

    [Fact]
    public void Format_OutcomeAfterItsIntent_CarriesTheIntentsCallerAndResponseCode()
    {
        var formatter = ExportFormatters.Create(ExportFormat.Ocsf, includeBodies: false);
        formatter.Format(Entries.SealedIntent());

        var root = Parse(formatter.Format(Entries.SealedOutcome()).Payload);

        Assert.Empty(OcsfRequiredFields.Missing(root));
        Assert.Equal("alice", Path(root, "actor.user.uid").GetString());
        Assert.Equal(200, Path(root, "api.response.code").GetInt32());
        Assert.Equal(200, Path(root, "http_response.code").GetInt32());
        Assert.Equal(1, root.GetProperty("status_id").GetInt32());
    }

    [Fact]
    public void Format_SignInFailure_IsAuthenticationLogonFailure()
    {
        var root = Format(Entries.SealedSignIn());

        Assert.Empty(OcsfRequiredFields.Missing(root));
        Assert.Equal(3002, root.GetProperty("class_uid").GetInt32());
        Assert.Equal(3, root.GetProperty("category_uid").GetInt32());
        Assert.Equal(300201, root.GetProperty("type_uid").GetInt64());
        Assert.Equal(2, root.GetProperty("status_id").GetInt32());
        Assert.Equal("invalid_token", root.GetProperty("status_detail").GetString());
        Assert.Equal("192.0.2.7", Path(root, "src_endpoint.ip").GetString());
    }

    [Theory]
    [InlineData("approval.requested", 1)]
    [InlineData("approval.approved", 3)]
    [InlineData("grant.revoked", 3)]
    [InlineData("approval.released", 99)]
    public void Format_ApprovalEvent_IsApiActivityWithReviewerAsActor(string kind, int activity)
    {
        var root = Format(Entries.Seal(Entries.Review(kind)));

        Assert.Empty(OcsfRequiredFields.Missing(root));
        Assert.Equal(activity, root.GetProperty("activity_id").GetInt32());
        Assert.Equal(kind, Path(root, "api.operation").GetString());
        Assert.Equal("bob", Path(root, "actor.user.uid").GetString());
        Assert.Equal("ap-1", Path(root, "unmapped.gatehouse.approval_id").GetString());
    }

    [Fact]
    public void Format_WithoutBodies_CarriesNoPromptResponseOrToolArguments()
    {
        var formatter = ExportFormatters.Create(ExportFormat.Ocsf, includeBodies: false);
        var text = string.Concat(
            System.Text.Encoding.UTF8.GetString(formatter.Format(Entries.SealedIntent()).Payload.Span),
            System.Text.Encoding.UTF8.GetString(formatter.Format(Entries.SealedOutcome()).Payload.Span));

        Assert.DoesNotContain("fix my build", text, StringComparison.Ordinal);
        Assert.DoesNotContain("here is the fix", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rm -rf", text, StringComparison.Ordinal);
        Assert.Contains("run_shell", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_WithBodies_CarriesTheMaskedPrompt()
    {
        var formatter = ExportFormatters.Create(ExportFormat.Ocsf, includeBodies: true);

        var root = Parse(formatter.Format(Entries.SealedIntent()).Payload);

        Assert.Equal("fix my build", Path(root, "unmapped.gatehouse.prompt").GetString());
    }

    [Fact]
    public void Format_AnyEntryOfAnyKind_IsOneLineOfJsonWithItsClassRequiredFields()
    {
        var drafts = Gen.Int[0, 3].Select(Gen.String, Gen.String, (kind, a, b) => kind switch
        {
            0 => AuditEntryCodec.ForIntent(Entries.Intent(a, decision: b) with { ClientAddress = b, UserAgent = a }, Entries.Time),
            1 => AuditEntryCodec.ForOutcome(Entries.Outcome(a) with { Failure = b }, Entries.Time),
            2 => AuditEntryCodec.ForSignInFailure(Entries.SignIn(a) with { ClientAddress = b }, Entries.Time),
            _ => new AuditEntryDraft(a.Length == 0 ? "x" : a, b, Entries.Time, AuditIndex.Empty, System.Text.Encoding.UTF8.GetBytes(b), null, null),
        });

        drafts.ForAll(draft =>
        {
            var payload = ExportFormatters.Create(ExportFormat.Ocsf, includeBodies: true).Format(Entries.Seal(draft)).Payload;
            Assert.DoesNotContain((byte)'\n', payload.ToArray());
            Assert.Empty(OcsfRequiredFields.Missing(Parse(payload)));
        });
    }

    [Fact]
    public void Format_AnyEntry_ProductVersionIsTheBuiltVersion()
    {
        var root = Format(Entries.SealedIntent());

        Assert.Equal(GatehouseVersion.Current.Version, Path(root, "metadata.product.version").GetString());
        Assert.NotEqual("1.0.0", GatehouseVersion.Current.Version);
    }

    private static JsonElement Format(AuditEntry entry) =>
        Parse(ExportFormatters.Create(ExportFormat.Ocsf, includeBodies: false).Format(entry).Payload);

    private static JsonElement Parse(ReadOnlyMemory<byte> payload) => JsonDocument.Parse(payload).RootElement;

    private static JsonElement Path(JsonElement root, string path) =>
        OcsfRequiredFields.Find(root, path) ?? throw new Xunit.Sdk.XunitException($"missing {path}");
}
