using CsCheck;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Gatehouse.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Search;

public sealed class SearchTextPropertyTests : OneStore
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.AppendAsync([AuditEntryCodec.ForIntent(Exchanges.Intent("ex-1", prompt: "deploy the api to prod"), Exchanges.Start)], Token);
    }

    [Fact]
    public async Task Search_AnyTextThatValidates_RunsWithoutAnEngineError()
    {
        // Every character FTS5 gives a meaning to, mixed with words that are operators and words that are there.
        var words = new[] { "api", "prod", "OR", "AND", "NOT", "NEAR", "body", "deploy*", "x" };
        var word = Gen.Int[0, words.Length - 1].Select(i => words[i]);
        var symbol = Gen.Char["\"*^:()+-{},./\\'%_ \t"].Select(c => c.ToString());
        var text = Gen.OneOf(word, symbol).Array[0, 12].Select(parts => string.Concat(parts));
        await text.ForAllAsync(async t =>
        {
            var query = new ExchangeQuery { Text = t };
            if (query.Validate().Count == 0)
            {
                await Store.SearchAsync(query, Token);
            }
        }, iter: 300);
    }

    [Fact]
    public async Task Search_PrefixTerm_MatchesWordsThatStartWithIt()
    {
        var page = await Store.SearchAsync(new ExchangeQuery { Text = "\"deploy the\"* dep*" }, Token);

        Assert.Equal("ex-1", Assert.Single(page.Items).ExchangeId);
    }
}
