using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Sqlite.Tests.Support;

namespace Gatehouse.Storage.Sqlite.Tests.Search;

/// <summary>The filters the columns of an entry cannot answer: groups, rules, findings, decision, status, requester.</summary>
public sealed class SearchFilterTests : OneStore
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Add(Intent("f-0", "alice", ["dev", "payments"], rules: ["allow-dev"]), Outcome("f-0", 200));
        await Add(Intent("f-1", "bob", ["ops"], "deny", ["block-prod"], [Finding("secret", "request")]), Outcome("f-1", 403));
        await Add(Intent("f-2", "alice", ["dev"], rules: ["allow-dev", "mask-pii"]), Outcome("f-2", 200, [Finding("pii", "response")]));
        await Add(Intent("f-3", "carol", ["payments"], "hold", ["review-tools"]), outcome: null);
        await Add(Intent("f-4", "bob", ["dev"], findings: [Finding("internal", "request")]), Outcome("f-4", 502));
    }

    public static TheoryData<ExchangeQuery, string[]> Filters() => new()
    {
        { new ExchangeQuery { Group = "dev" }, ["f-4", "f-2", "f-0"] },
        { new ExchangeQuery { Group = "payments" }, ["f-3", "f-0"] },
        { new ExchangeQuery { Group = "Dev" }, [] },
        { new ExchangeQuery { Rule = "allow-dev" }, ["f-2", "f-0"] },
        { new ExchangeQuery { Rule = "block-prod" }, ["f-1"] },
        { new ExchangeQuery { Decision = "deny" }, ["f-1"] },
        { new ExchangeQuery { Decision = "allow" }, ["f-4", "f-2", "f-0"] },
        { new ExchangeQuery { Decision = "hold" }, ["f-3"] },
        { new ExchangeQuery { FindingCategory = "secret" }, ["f-1"] },
        { new ExchangeQuery { FindingCategory = "pii" }, ["f-2"] },
        { new ExchangeQuery { FindingCategory = "internal" }, ["f-4"] },
        { new ExchangeQuery { Status = 200 }, ["f-2", "f-0"] },
        { new ExchangeQuery { Status = 502 }, ["f-4"] },
        { new ExchangeQuery { Status = 404 }, [] },
        { new ExchangeQuery { Group = "dev", Status = 200, Rule = "mask-pii" }, ["f-2"] },
        { new ExchangeQuery { Group = "dev", User = "bob" }, ["f-4"] },
        { new ExchangeQuery { Requester = ["https://idp.example.com#alice"] }, ["f-2", "f-0"] },
        { new ExchangeQuery { Requester = ["https://idp.example.com#alice"], User = "bob" }, [] },
        { new ExchangeQuery { Requester = ["email:alice@example.com"] }, ["f-2", "f-0"] },
        { new ExchangeQuery { Requester = ["https://other-idp.example.com#alice"] }, [] },
        { new ExchangeQuery { Requester = ["alice"] }, [] },
        { new ExchangeQuery { Requester = [] }, [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Search_ByFilter_ReturnsExactlyTheMatchingExchanges(ExchangeQuery query, string[] expected)
    {
        var page = await Store.SearchAsync(query, Token);

        Assert.Equal(expected, page.Items.Select(r => r.ExchangeId));
    }

    [Fact]
    public async Task Search_ScopedToRequester_PagesOnlyTheirOwnWithFullPages()
    {
        var first = await Store.SearchAsync(new ExchangeQuery { Requester = ["https://idp.example.com#bob"], Limit = 1 }, Token);
        var second = await Store.SearchAsync(new ExchangeQuery { Requester = ["https://idp.example.com#bob"], Limit = 1, Before = first.NextBefore }, Token);

        Assert.Equal("f-4", Assert.Single(first.Items).ExchangeId);
        Assert.Equal("f-1", Assert.Single(second.Items).ExchangeId);
        Assert.Null(second.NextBefore);
    }

    [Fact]
    public async Task ReadExchangeEntries_ReturnsEveryEntryOfTheExchangeOnly()
    {
        var entries = await Store.ReadExchangeEntriesAsync("f-1", Token);

        Assert.Equal([AuditEntryKinds.Intent, AuditEntryKinds.Outcome], entries.Select(e => e.Kind));
        Assert.All(entries, e => Assert.Equal("f-1", e.ExchangeId));
    }

    private static AuditFinding Finding(string category, string direction) => new("rule-" + category, category, direction, "prompt", "fp");

    private static ExchangeIntent Intent(
        string id,
        string subject,
        IReadOnlyList<string> groups,
        string decision = "allow",
        IReadOnlyList<string>? rules = null,
        IReadOnlyList<AuditFinding>? findings = null) => Exchanges.Intent(id, subject) with
        {
            Identity = new AuditIdentity(subject, subject + "@example.com", groups, "https://idp.example.com", null, "oidc")
            {
                Principals = ["https://idp.example.com#" + subject, "email:" + subject + "@example.com"],
            },
            Decision = decision,
            Rules = rules ?? [],
            Findings = findings ?? [],
        };

    private static ExchangeOutcome Outcome(string id, int status, IReadOnlyList<AuditFinding>? findings = null)
        => Exchanges.Outcome(id) with { Status = status, Findings = findings ?? [] };

    private async Task Add(ExchangeIntent intent, ExchangeOutcome? outcome)
    {
        // Intent and outcome in separate batches, as on the data path, so the outcome's tags find an earlier intent.
        await Store.AppendAsync([AuditEntryCodec.ForIntent(intent, Exchanges.Start)], Token);
        if (outcome is not null)
        {
            await Store.AppendAsync([AuditEntryCodec.ForOutcome(outcome, Exchanges.Start)], Token);
        }
    }
}
