using Gatehouse.Audit.Store;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>What retention removes can no longer be found: the search index forgets it in the same transaction.</summary>
public abstract class RetentionSearchContract : RetentionContract
{
    protected override async Task SeedAsync(RetentionFixture f)
    {
        await f.ExchangeAsync("ex-1");
        await f.ExchangeAsync("ex-2", subject: "bob");
        f.Time.Advance(TimeSpan.FromDays(2));
    }

    [Fact]
    public async Task RemoveBodies_TextOfRemovedBodies_IsNoLongerFound_TagsStay()
    {
        var f = await FixtureAsync();
        Assert.Equal(2, (await SearchAsync(f, new ExchangeQuery { Text = "stack trace" })).Count);

        await f.Retention.RemoveBodiesAsync(["ex-1"], Token);

        Assert.Equal(["ex-2"], await SearchAsync(f, new ExchangeQuery { Text = "stack trace" }));
        Assert.Equal(["ex-2"], await SearchAsync(f, new ExchangeQuery { Text = "null reference" }));
        Assert.Equal(["ex-1", "ex-2"], (await SearchAsync(f, new ExchangeQuery { Group = "dev" })).Order());
    }

    [Fact]
    public async Task Tombstone_RecordIsFoundNeitherByTextNorByTag()
    {
        var f = await FixtureAsync();
        await f.Retention.TombstoneAsync(["ex-1"], coveredThrough: 4, Token);

        Assert.Equal(["ex-2"], await SearchAsync(f, new ExchangeQuery { Text = "stack trace" }));
        Assert.Equal(["ex-2"], await SearchAsync(f, new ExchangeQuery { Group = "dev" }));
    }

    private static async Task<List<string>> SearchAsync(RetentionFixture f, ExchangeQuery query) =>
        [.. (await f.Store.SearchAsync(query, Token)).Items.Select(i => i.Intent.ExchangeId)];
}
