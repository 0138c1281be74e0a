using Gatehouse.Audit.Records;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>Exchanges of a realistic size: a few hundred bytes of metadata, a prompt and a response.</summary>
internal static class SampleExchanges
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Prompt = string.Concat(Enumerable.Repeat("Refactor this method so it streams. ", 20));
    private static readonly string Response = string.Concat(Enumerable.Repeat("Here is the streaming version. ", 30));

    public static ExchangeIntent Intent(string id) => new()
    {
        ExchangeId = id,
        StartedAt = Start,
        Identity = new AuditIdentity("user-123", "dev@example.com", ["dev"], "https://idp.example.com", null, "oidc"),
        ClientAddress = "127.0.0.1",
        UserAgent = "client/1.0",
        Connection = "openai",
        Method = "POST",
        Path = "/v1/chat/completions",
        Api = "openai.chat",
        Model = "gpt-test",
        Stream = true,
        Prompt = Prompt,
        RequestBytes = 2048,
    };

    public static ExchangeOutcome Outcome(string id) => new()
    {
        ExchangeId = id,
        CompletedAt = Start.AddSeconds(1),
        Status = 200,
        DurationMs = 1000,
        Model = "gpt-test",
        Response = Response,
        InputTokens = 300,
        OutputTokens = 400,
        Coverage = ["identity", "audit", "protocol"],
    };
}
