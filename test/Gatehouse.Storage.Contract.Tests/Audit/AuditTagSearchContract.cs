using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;

namespace Gatehouse.Storage.Contract.Tests.Audit;

/// <summary>
/// Every tag filter of the search (group, principal, rule, decision, finding, status) finds the exchange its intent or
/// its outcome tags, whether the outcome lands in the intent's batch or a later one.
/// </summary>
public abstract class AuditTagSearchContract : AuditContract
{
    [Fact]
    public async Task Search_EachTagFilter_FindsTheExchangesTaggedByIntentOrOutcome()
    {
        var store = await Provider.OpenAsync(Token);
        // ex-later: intent in one batch, outcome in the next; ex-same: both in one batch; ex-plain: Exchanges' defaults.
        await store.AppendAsync([Intent("ex-later", "platform", "block-keys", "deny", "aws-key"), Plain("ex-plain")[0]], Token);
        await store.AppendAsync(
        [
            Outcome("ex-later", 502, "email"),
            Plain("ex-plain")[1],
            Intent("ex-same", "data", "hold-pii", "hold", "phone"),
            Outcome("ex-same", 418, "iban"),
        ], Token);

        Assert.Equal(["ex-later"], await FindAsync(store, new ExchangeQuery { Group = "platform" }));
        Assert.Equal(["ex-same", "ex-plain", "ex-later"], await FindAsync(store, new ExchangeQuery { Group = "dev" }));
        Assert.Equal(["ex-same"], await FindAsync(store, new ExchangeQuery { Requester = ["https://idp.example.com#carol-data"] }));
        Assert.Equal(["ex-later"], await FindAsync(store, new ExchangeQuery { Rule = "block-keys" }));
        Assert.Equal(["ex-same"], await FindAsync(store, new ExchangeQuery { Decision = "hold" }));
        Assert.Equal(["ex-plain"], await FindAsync(store, new ExchangeQuery { Decision = "allow" }));
        Assert.Equal(["ex-later"], await FindAsync(store, new ExchangeQuery { FindingCategory = "aws-key" }));
        Assert.Equal(["ex-later"], await FindAsync(store, new ExchangeQuery { FindingCategory = "email" }));
        Assert.Equal(["ex-same"], await FindAsync(store, new ExchangeQuery { FindingCategory = "phone" }));
        Assert.Equal(["ex-same"], await FindAsync(store, new ExchangeQuery { FindingCategory = "iban" }));
        Assert.Equal(["ex-later"], await FindAsync(store, new ExchangeQuery { Status = 502 }));
        Assert.Equal(["ex-same"], await FindAsync(store, new ExchangeQuery { Status = 418 }));
        Assert.Equal(["ex-plain"], await FindAsync(store, new ExchangeQuery { Status = 200 }));
        Assert.Empty(await FindAsync(store, new ExchangeQuery { Rule = "hold-pii", Status = 502 }));
    }

    [Fact]
    public async Task Search_InterruptedExchange_FoundByItsInterruptionsStatus()
    {
        var store = await Provider.OpenAsync(Token);
        await store.AppendAsync([Intent("ex-cut", "platform", "block-keys", "allow", "aws-key")], Token);
        var interrupted = AuditEntryCodec.ForInterrupted("ex-cut", Exchanges.Start.AddMinutes(1));
        await store.AppendAsync([interrupted], Token);

        Assert.NotNull(interrupted.Index.Status);
        Assert.Equal(["ex-cut"], await FindAsync(store, new ExchangeQuery { Status = interrupted.Index.Status }));
        Assert.Empty(await FindAsync(store, new ExchangeQuery { Status = interrupted.Index.Status + 1 }));
    }

    internal static AuditEntryDraft Intent(string id, string group, string rule, string decision, string finding)
    {
        var subject = "carol-" + group;
        var intent = Exchanges.Intent(id, subject) with
        {
            Identity = new AuditIdentity(subject, subject + "@example.com", [group, "dev"], "https://idp.example.com", null, "oidc")
            {
                Principals = ["https://idp.example.com#" + subject],
            },
            Rules = [rule],
            Decision = decision,
            Findings = [new AuditFinding(rule, finding, "request", "prompt", "fp-" + finding)],
        };
        return AuditEntryCodec.ForIntent(intent, Exchanges.Start);
    }

    internal static AuditEntryDraft Outcome(string id, int status, string finding) =>
        AuditEntryCodec.ForOutcome(
            Exchanges.Outcome(id) with { Status = status, Findings = [new AuditFinding("mask", finding, "response", "text", "fp-" + finding)] },
            Exchanges.Start.AddSeconds(2));

    private static AuditEntryDraft[] Plain(string id) => Exchanges.Pair(id, "dave");

    private static async Task<List<string>> FindAsync(IAuditStore store, ExchangeQuery query) =>
        [.. (await store.SearchAsync(query, Token)).Items.Select(r => r.ExchangeId)];
}
