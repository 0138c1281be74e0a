using Gatehouse.Audit.Records;

namespace Gatehouse.Audit.Tests.Fakes;

internal static class Exchanges
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static ExchangeIntent Intent(string id, string prompt = "Explain this stack trace") => new()
    {
        ExchangeId = id,
        StartedAt = Start,
        Identity = new AuditIdentity("alice", "alice@example.com", ["dev", "ops"], "https://idp.example.com", null, "oidc"),
        ClientAddress = "10.0.0.7",
        UserAgent = "client/1.0",
        Connection = "openai",
        Method = "POST",
        Path = "/v1/chat/completions",
        Api = "openai.chat",
        Model = "gpt-test",
        Stream = true,
        Prompt = prompt,
        RequestBytes = 321,
        Findings = [new AuditFinding("aws-access-key-id", "secret", "request", "prompt", "5f0c2a")],
        Rules = ["developers"],
        DecisionReason = "rule:default",
    };

    public static ExchangeOutcome Outcome(string id, string response = "It is a null reference") => new()
    {
        ExchangeId = id,
        CompletedAt = Start.AddSeconds(2),
        Status = 200,
        DurationMs = 2000.5,
        UpstreamMs = 150,
        Model = "gpt-test-0301",
        Response = response,
        ToolCalls = [new AuditToolCall("call_1", "read_file", "{\"path\":\"a.cs\"}")],
        InputTokens = 12,
        OutputTokens = 34,
        FinishReason = "stop",
        ResponseBytes = 999,
        Findings = [new AuditFinding("github-pat", "secret", "response", "content", "7f3a9c")],
        Coverage = ["identity", "audit", "protocol"],
    };
}
