using Gatehouse.Audit.Retention;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>The store's own guarantees, below the runner: holds re-checked at write time, nothing beyond the checkpoint.</summary>
public abstract class RetentionStoreContract : RetentionContract
{
    protected override async Task SeedAsync(RetentionFixture f)
    {
        await f.ExchangeAsync("ex-1");
        await f.ExchangeAsync("ex-2", subject: "bob");
        await f.ExchangeAsync("ex-3");
        f.Time.Advance(TimeSpan.FromDays(2));
    }

    [Fact]
    public async Task Remove_HoldPlacedAfterCandidatesWereRead_StillWins()
    {
        var f = await FixtureAsync();
        var found = await FindAsync(f, RetentionPhase.Bodies);
        await f.PlaceHoldAsync("hold-late", LegalHoldTarget.User, "bob");
        await f.PlaceHoldAsync("hold-late-2", LegalHoldTarget.Exchange, "ex-3");

        var removed = await f.Retention.RemoveBodiesAsync(found.ExchangeIds, Token);

        Assert.Equal(["ex-1", "ex-2", "ex-3"], found.ExchangeIds);
        Assert.Equal(2, removed);
        Assert.Null((await f.Store.GetExchangeAsync("ex-1", Token))!.Intent.Prompt);
        Assert.NotNull((await f.Store.GetExchangeAsync("ex-2", Token))!.Intent.Prompt);
        Assert.NotNull((await f.Store.GetExchangeAsync("ex-3", Token))!.Intent.Prompt);
    }

    [Fact]
    public async Task Tombstone_ExchangeWithEntriesBeyondTheCoveredSequence_IsLeftWhole()
    {
        var f = await FixtureAsync();
        var found = await FindAsync(f, RetentionPhase.Records);

        var tombstoned = await f.Retention.TombstoneAsync(found.ExchangeIds, coveredThrough: 3, Token);

        Assert.Equal(2, tombstoned);
        Assert.Null(await f.Store.GetExchangeAsync("ex-1", Token));
        Assert.NotNull(await f.Store.GetExchangeAsync("ex-2", Token));
        Assert.Equal((6L, 6L, 6L), (found.LastEntrySequence, found.Entries, found.Bodies));
    }

    [Fact]
    public async Task Find_HeldExchanges_CountedButNotCandidates()
    {
        var f = await FixtureAsync();
        await f.PlaceHoldAsync("hold-1", LegalHoldTarget.Exchange, "ex-2");

        var found = await FindAsync(f, RetentionPhase.Records);
        var nextWindow = await f.Retention.FindCandidatesAsync(
            new RetentionWindow(RetentionPhase.Records, "openai", f.Time.GetUtcNow(), found.LastSequence, 10), Token);

        Assert.Equal(["ex-1", "ex-3"], found.ExchangeIds);
        Assert.Equal((3, 1), (found.Scanned, found.Held));
        Assert.Equal(0, nextWindow.Scanned);
    }

    private static Task<RetentionCandidates> FindAsync(RetentionFixture f, RetentionPhase phase) =>
        f.Retention.FindCandidatesAsync(new RetentionWindow(phase, "openai", f.Time.GetUtcNow().AddDays(-1), 0, 10), Token);
}
