using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>Writes finished exchanges straight into a store, as the gateway would have audited them, for the command line to find.</summary>
internal static class PostgresExchangeSeed
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Appends exchange <paramref name="id"/> of <paramref name="user"/>, <paramref name="hour"/> hours after <see cref="Start"/>: its intent, then its outcome.</summary>
    public static async Task AddAsync(IAuditStore store, string id, string user, string prompt, int hour, CancellationToken cancellationToken)
    {
        var at = Start.AddHours(hour);
        var intent = new ExchangeIntent
        {
            ExchangeId = id,
            StartedAt = at,
            Identity = new AuditIdentity(user, user + "@example.com", ["dev"], "https://idp.example.com", null, "oidc"),
            Connection = "openai",
            Method = "POST",
            Path = "/v1/chat/completions",
            Api = "openai.chat",
            Model = "gpt-test",
            Prompt = prompt,
            Decision = "allow",
            Rules = [],
            Findings = [],
        };
        var outcome = new ExchangeOutcome { ExchangeId = id, CompletedAt = at.AddSeconds(1), Status = 200, Response = "done" };
        await store.AppendAsync([AuditEntryCodec.ForIntent(intent, at)], cancellationToken);
        await store.AppendAsync([AuditEntryCodec.ForOutcome(outcome, at.AddSeconds(1))], cancellationToken);
    }
}
