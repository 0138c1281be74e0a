using Gatehouse.Audit.Records;

namespace Gatehouse.Storage.Sqlite.Tests.Support;

internal static class Exchanges
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static ExchangeIntent Intent(
        string id,
        string subject = "alice",
        string connection = "openai",
        string model = "gpt-test",
        string prompt = "Explain this stack trace") => new()
        {
            ExchangeId = id,
            StartedAt = Start,
            Identity = new AuditIdentity(subject, subject + "@example.com", ["dev"], "https://idp.example.com", null, "oidc")
            {
                Principals = ["https://idp.example.com#" + subject, "email:" + subject + "@example.com"],
            },
            ClientAddress = "10.0.0.7",
            UserAgent = "client/1.0",
            Connection = connection,
            Method = "POST",
            Path = "/v1/chat/completions",
            Api = "openai.chat",
            Model = model,
            Prompt = prompt,
        };

    public static ExchangeOutcome Outcome(string id, string response = "It is a null reference", string? model = null) => new()
    {
        ExchangeId = id,
        CompletedAt = Start.AddSeconds(2),
        Status = 200,
        DurationMs = 2000,
        Model = model,
        Response = response,
        ToolCalls = [new AuditToolCall("call_1", "read_file", "{}")],
        InputTokens = 12,
        OutputTokens = 34,
        Coverage = ["identity", "audit"],
    };
}
