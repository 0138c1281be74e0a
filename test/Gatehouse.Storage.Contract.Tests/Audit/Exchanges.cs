using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;

namespace Gatehouse.Storage.Contract.Tests.Audit;

internal static class Exchanges
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public const string SystemPrompt = "You are a careful reviewer of stack traces. Answer briefly.";

    public static ExchangeIntent Intent(string id, string subject = "alice", string question = "Explain this stack trace", string connection = "openai") => new()
    {
        ExchangeId = id,
        StartedAt = Start,
        Identity = new AuditIdentity(subject, subject + "@example.com", ["dev"], "https://idp.example.com", null, "oidc")
        {
            Principals = ["https://idp.example.com#" + subject],
        },
        Connection = connection,
        Method = "POST",
        Path = "/v1/chat/completions",
        Api = "openai.chat",
        Model = "gpt-test",
        Prompt = SystemPrompt + question,
        PromptParts = [SystemPrompt, question],
    };

    public static ExchangeOutcome Outcome(string id, string response = "It is a null reference") => new()
    {
        ExchangeId = id,
        CompletedAt = Start.AddSeconds(2),
        Status = 200,
        DurationMs = 2000,
        Response = response,
    };

    /// <summary>The intent and outcome drafts of one exchange, the prompt stored as two parts.</summary>
    public static AuditEntryDraft[] Pair(string id, string subject = "alice", string question = "Explain this stack trace") =>
    [
        AuditEntryCodec.ForIntent(Intent(id, subject, question), Start),
        AuditEntryCodec.ForOutcome(Outcome(id), Start.AddSeconds(2)),
    ];
}
