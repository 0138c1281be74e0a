using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;

namespace Gatehouse.Export.Benchmarks;

/// <summary>Fills a store with a realistic log: intent and outcome pairs, with a sign-in failure every 50 entries.</summary>
internal static class SampleLog
{
    public static async Task FillAsync(Gatehouse.Audit.Store.IAuditStore store, int entries, TimeProvider time)
    {
        var drafts = new List<AuditEntryDraft>(1000);
        var now = time.GetUtcNow();
        for (var i = 0; i < entries; i++)
        {
            var id = Guid.CreateVersion7(now).ToString("D");
            drafts.Add((i % 50) switch
            {
                49 => AuditEntryCodec.ForSignInFailure(new SignInFailure { RequestId = id, Code = "invalid_token", Status = 401, Method = "POST", ClientAddress = "10.0.0.9" }, now),
                var n when n % 2 == 0 => AuditEntryCodec.ForIntent(Intent(id, now), now),
                _ => AuditEntryCodec.ForOutcome(Outcome(id, now), now),
            });
            if (drafts.Count == 1000)
            {
                await store.AppendAsync(drafts, CancellationToken.None);
                drafts.Clear();
            }
        }

        if (drafts.Count > 0)
        {
            await store.AppendAsync(drafts, CancellationToken.None);
        }
    }

    private static ExchangeIntent Intent(string id, DateTimeOffset now) => new()
    {
        ExchangeId = id,
        StartedAt = now,
        Identity = new AuditIdentity("alice@example.com", "alice@example.com", ["dev", "platform"], "https://idp.example.com", null, "oidc"),
        ClientAddress = "10.0.0.7",
        UserAgent = "OpenAI/Python 2.15.0",
        Connection = "openai",
        Method = "POST",
        Path = "/v1/chat/completions",
        Api = "openai.chat",
        Model = "gpt-5",
        Prompt = "Refactor this function to use spans and explain the allocation it removes.",
        RequestBytes = 840,
        Findings = [new AuditFinding("github-pat", "secret", "request", "prompt", "3f9a1c")],
    };

    private static ExchangeOutcome Outcome(string id, DateTimeOffset now) => new()
    {
        ExchangeId = id,
        CompletedAt = now,
        Status = 200,
        DurationMs = 812.5,
        UpstreamMs = 240.1,
        Model = "gpt-5-2026-08-01",
        Response = "Here is the refactored function; it no longer allocates a substring per call.",
        InputTokens = 212,
        OutputTokens = 388,
        FinishReason = "stop",
        ResponseBytes = 2048,
        Coverage = ["identity", "authorization", "protocol", "masking", "policy", "audit.intent"],
    };
}
