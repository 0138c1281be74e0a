using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Audit;

public sealed class ExchangeSearchTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Exchanges.Start);
    private SqliteStore _store = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = _database.Open();
        // One exchange a minute: ex-0 .. ex-5, each intent followed by its outcome.
        await Add("ex-0", Exchanges.Intent("ex-0", subject: "alice", prompt: "Refactor the PAYMENT module"), "Done, see diff");
        await Add("ex-1", Exchanges.Intent("ex-1", subject: "bob", connection: "anthropic", model: "claude-x"), "No tool needed");
        await Add("ex-2", Exchanges.Intent("ex-2", subject: "alice", prompt: "100% coverage please"), "Here are the tests", model: "gpt-test-0301");
        await Add("ex-3", Exchanges.Intent("ex-3", subject: "carol", connection: "anthropic", model: "claude-x"), "The answer is a_b");
        await Add("ex-4", Exchanges.Intent("ex-4", subject: "alice"), response: null);
        await Add("ex-5", Exchanges.Intent("ex-5", subject: "bob"), "Payment reconciled");
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Search_NoFilter_ReturnsAllNewestFirst()
    {
        var page = await _store.SearchAsync(new ExchangeQuery(), Token);

        Assert.Equal(["ex-5", "ex-4", "ex-3", "ex-2", "ex-1", "ex-0"], Ids(page));
        Assert.Null(page.NextBefore);
    }

    [Theory]
    [InlineData("alice", new[] { "ex-4", "ex-2", "ex-0" })]
    [InlineData("bob@example.com", new[] { "ex-5", "ex-1" })]
    [InlineData("mallory", new string[0])]
    public async Task Search_ByUser_MatchesSubjectOrEmail(string user, string[] expected)
    {
        var page = await _store.SearchAsync(new ExchangeQuery { User = user }, Token);

        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public async Task Search_ByConnectionAndModel_CombinesFilters()
    {
        var anthropic = await _store.SearchAsync(new ExchangeQuery { Connection = "anthropic" }, Token);
        var answeringModel = await _store.SearchAsync(new ExchangeQuery { Model = "gpt-test-0301" }, Token);
        var both = await _store.SearchAsync(new ExchangeQuery { Connection = "anthropic", User = "carol", Model = "claude-x" }, Token);

        Assert.Equal(["ex-3", "ex-1"], Ids(anthropic));
        Assert.Equal(["ex-2"], Ids(answeringModel));
        Assert.Equal(["ex-3"], Ids(both));
    }

    [Fact]
    public async Task Search_ByTimeRange_IncludesFromExcludesTo()
    {
        var query = new ExchangeQuery { From = Exchanges.Start.AddMinutes(1), To = Exchanges.Start.AddMinutes(3) };

        var page = await _store.SearchAsync(query, Token);

        Assert.Equal(["ex-2", "ex-1"], Ids(page));
    }

    [Theory]
    [InlineData("payment", new[] { "ex-5", "ex-0" })]
    [InlineData("reconciled", new[] { "ex-5" })]
    [InlineData("refactor diff", new[] { "ex-0" })]
    [InlineData("100%", new[] { "ex-2" })]
    [InlineData("a_b", new[] { "ex-3" })]
    [InlineData("\"the payment\"", new[] { "ex-0" })]
    [InlineData("recon*", new[] { "ex-5" })]
    [InlineData("nowhere to be found", new string[0])]
    public async Task Search_ByText_MatchesWordsOfThePromptOrResponse(string text, string[] expected)
    {
        var page = await _store.SearchAsync(new ExchangeQuery { Text = text }, Token);

        Assert.Equal(expected, Ids(page));
    }

    [Theory]
    [InlineData("payment)")]
    [InlineData("(payment")]
    [InlineData("\"payment")]
    [InlineData("payment:module")]
    [InlineData("^payment")]
    [InlineData("payment -")]
    [InlineData("{payment}")]
    [InlineData("payment\"\"")]
    public async Task Search_TextWithQuerySyntax_IsMatchedAsWords(string text)
    {
        var page = await _store.SearchAsync(new ExchangeQuery { Text = text }, Token);

        Assert.Contains("ex-0", Ids(page));
    }

    [Fact]
    public async Task Search_TextOperatorWords_AreWordsNotOperators()
    {
        var or = await _store.SearchAsync(new ExchangeQuery { Text = "payment OR tests" }, Token);
        var not = await _store.SearchAsync(new ExchangeQuery { Text = "NOT payment" }, Token);
        var and = await _store.SearchAsync(new ExchangeQuery { Text = "payment AND" }, Token);
        var column = await _store.SearchAsync(new ExchangeQuery { Text = "body:payment" }, Token);

        Assert.Empty(or.Items);
        Assert.Empty(not.Items);
        Assert.Empty(and.Items);
        Assert.Empty(column.Items);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("  ")]
    [InlineData("\"\"")]
    public async Task Search_TextWithoutWords_IsRefusedAsInvalid(string text)
    {
        var query = new ExchangeQuery { Text = text };

        Assert.Contains(query.Validate(), e => e.Contains("no word", StringComparison.Ordinal));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SearchAsync(query, Token));
    }

    [Fact]
    public async Task Search_WithCursor_PagesThroughEveryExchangeOnce()
    {
        var seen = new List<string>();
        var query = new ExchangeQuery { Limit = 4 };
        var pages = 0;
        ExchangePage page;
        do
        {
            page = await _store.SearchAsync(query, Token);
            seen.AddRange(Ids(page));
            query = query with { Before = page.NextBefore };
            pages++;
        }
        while (page.NextBefore is not null);

        Assert.Equal(2, pages);
        Assert.Equal(["ex-5", "ex-4", "ex-3", "ex-2", "ex-1", "ex-0"], seen);
    }

    [Fact]
    public async Task Search_InFlightExchange_HasNoOutcome()
    {
        var page = await _store.SearchAsync(new ExchangeQuery { User = "alice", Limit = 1 }, Token);

        var record = Assert.Single(page.Items);
        Assert.Equal("ex-4", record.ExchangeId);
        Assert.Null(record.Outcome);
        Assert.NotNull(page.NextBefore);
    }

    private static string[] Ids(ExchangePage page) => [.. page.Items.Select(r => r.ExchangeId)];

    private async Task Add(string id, ExchangeIntent intent, string? response, string? model = null)
    {
        var drafts = new List<Gatehouse.Audit.Chain.AuditEntryDraft> { AuditEntryCodec.ForIntent(intent, _time.GetUtcNow()) };
        if (response is not null)
        {
            drafts.Add(AuditEntryCodec.ForOutcome(Exchanges.Outcome(id, response, model), _time.GetUtcNow().AddSeconds(2)));
        }

        await _store.AppendAsync(drafts, Token);
        _time.Advance(TimeSpan.FromMinutes(1));
    }
}
