using System.Text;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;

namespace Gatehouse.Export.Tests.Support;

/// <summary>Audit entries as the gateway writes them, sealed into a chain.</summary>
internal static class Entries
{
    public static readonly DateTimeOffset Time = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static ExchangeIntent Intent(string id = "ex-1", string decision = "allow", string prompt = "fix my build") => new()
    {
        ExchangeId = id,
        StartedAt = Time,
        Identity = new AuditIdentity("alice", "alice@example.com", ["dev", "sre"], "https://idp.example.com", null, "oidc"),
        ClientAddress = "10.1.2.3",
        UserAgent = "sdk/1.0",
        Connection = "openai",
        Method = "POST",
        Path = "/v1/chat/completions",
        Api = "openai.chat",
        Model = "gpt-5",
        Prompt = prompt,
        RequestBytes = 120,
        Findings = [new AuditFinding("github-pat", "secret", "request", "prompt", "fp")],
        Decision = decision,
        Rules = decision == "allow" ? [] : ["no-secrets"],
    };

    public static ExchangeOutcome Outcome(string id = "ex-1", int status = 200) => new()
    {
        ExchangeId = id,
        CompletedAt = Time.AddSeconds(1),
        Status = status,
        DurationMs = 950,
        Model = "gpt-5",
        Response = "here is the fix",
        ToolCalls = [new AuditToolCall("c1", "run_shell", "{\"cmd\":\"rm -rf /tmp/x\"}")],
        InputTokens = 10,
        OutputTokens = 20,
        Coverage = ["identity", "audit"],
    };

    public static SignInFailure SignIn(string code = "invalid_token") => new()
    {
        RequestId = "req-9",
        Code = code,
        Status = 401,
        Method = "POST",
        Connection = "openai",
        ClientAddress = "192.0.2.7",
        UserAgent = "curl/8",
    };

    public static AuditEntryDraft Review(string kind = "approval.approved") => new(
        kind,
        "ex-1",
        Time,
        new AuditIndex { Subject = "bob", Connection = "openai", Decision = "approve" },
        Encoding.UTF8.GetBytes(
            $$"""{"event":"{{kind}}","approvalId":"ap-1","exchangeId":"ex-1","connection":"openai","requester":"alice","reviewer":"bob","decision":"approve","at":"2026-11-25T10:00:00+00:00"}"""),
        null,
        null);

    public static AuditEntry Seal(AuditEntryDraft draft, long sequence = 1) =>
        AuditChain.Seal(draft, sequence, new byte[AuditChain.HashSize]);

    public static AuditEntry SealedIntent(long sequence = 1) => Seal(AuditEntryCodec.ForIntent(Intent(), Time), sequence);

    public static AuditEntry SealedOutcome(long sequence = 2) => Seal(AuditEntryCodec.ForOutcome(Outcome(), Time), sequence);

    public static AuditEntry SealedSignIn(long sequence = 3) => Seal(AuditEntryCodec.ForSignInFailure(SignIn(), Time), sequence);

    /// <summary>Drafts of a mixed log: intents, outcomes, sign-in failures and approval events, in turn.</summary>
    public static IReadOnlyList<AuditEntryDraft> Mixed(int count) =>
        [.. Enumerable.Range(0, count).Select(i => (i % 4) switch
        {
            0 => AuditEntryCodec.ForIntent(Intent($"ex-{i}"), Time),
            1 => AuditEntryCodec.ForOutcome(Outcome($"ex-{i - 1}"), Time),
            2 => AuditEntryCodec.ForSignInFailure(SignIn(), Time),
            _ => Review(),
        })];
}
