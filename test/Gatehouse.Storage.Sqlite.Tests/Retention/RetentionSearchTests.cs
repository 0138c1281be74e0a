using Gatehouse.Audit.Store;

namespace Gatehouse.Storage.Sqlite.Tests.Retention;

/// <summary>What retention removes can no longer be found: the search index forgets it in the same transaction.</summary>
public sealed class RetentionSearchTests : IAsyncLifetime
{
    private readonly RetentionFixture _f = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _f.ExchangeAsync("ex-1");
        await _f.ExchangeAsync("ex-2", subject: "bob");
        _f.Time.Advance(TimeSpan.FromDays(2));
    }

    public ValueTask DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task RemoveBodies_TextOfRemovedBodies_IsNoLongerFound_TagsStay()
    {
        Assert.Equal(2, (await SearchAsync(new ExchangeQuery { Text = "stack trace" })).Count);

        await _f.Retention.RemoveBodiesAsync(["ex-1"], Token);

        Assert.Equal(["ex-2"], await SearchAsync(new ExchangeQuery { Text = "stack trace" }));
        Assert.Equal(["ex-2"], await SearchAsync(new ExchangeQuery { Text = "null reference" }));
        Assert.Equal(["ex-1", "ex-2"], (await SearchAsync(new ExchangeQuery { Group = "dev" })).Order());
    }

    [Fact]
    public async Task Tombstone_RecordIsFoundNeitherByTextNorByTag()
    {
        await _f.Retention.TombstoneAsync(["ex-1"], coveredThrough: 4, Token);

        Assert.Equal(["ex-2"], await SearchAsync(new ExchangeQuery { Text = "stack trace" }));
        Assert.Equal(["ex-2"], await SearchAsync(new ExchangeQuery { Group = "dev" }));
    }

    private async Task<List<string>> SearchAsync(ExchangeQuery query) =>
        [.. (await _f.Store.SearchAsync(query, Token)).Items.Select(i => i.Intent.ExchangeId)];
}
