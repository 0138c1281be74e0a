using Gatehouse.Audit.Retention;

namespace Gatehouse.Storage.Sqlite.Tests.Retention;

/// <summary>The store's own guarantees, below the runner: holds re-checked at write time, nothing beyond the checkpoint.</summary>
public sealed class RetentionStoreTests : IAsyncLifetime
{
    private readonly RetentionFixture _f = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _f.ExchangeAsync("ex-1");
        await _f.ExchangeAsync("ex-2", subject: "bob");
        await _f.ExchangeAsync("ex-3");
        _f.Time.Advance(TimeSpan.FromDays(2));
    }

    public ValueTask DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Remove_HoldPlacedAfterCandidatesWereRead_StillWins()
    {
        var found = await FindAsync(RetentionPhase.Bodies);
        await _f.PlaceHoldAsync("hold-late", LegalHoldTarget.User, "bob");
        await _f.PlaceHoldAsync("hold-late-2", LegalHoldTarget.Exchange, "ex-3");

        var removed = await _f.Retention.RemoveBodiesAsync(found.ExchangeIds, Token);

        Assert.Equal(["ex-1", "ex-2", "ex-3"], found.ExchangeIds);
        Assert.Equal(2, removed);
        Assert.Null((await _f.Store.GetExchangeAsync("ex-1", Token))!.Intent.Prompt);
        Assert.NotNull((await _f.Store.GetExchangeAsync("ex-2", Token))!.Intent.Prompt);
        Assert.NotNull((await _f.Store.GetExchangeAsync("ex-3", Token))!.Intent.Prompt);
    }

    [Fact]
    public async Task Tombstone_ExchangeWithEntriesBeyondTheCoveredSequence_IsLeftWhole()
    {
        var found = await FindAsync(RetentionPhase.Records);

        var tombstoned = await _f.Retention.TombstoneAsync(found.ExchangeIds, coveredThrough: 3, Token);

        Assert.Equal(2, tombstoned);
        Assert.Null(await _f.Store.GetExchangeAsync("ex-1", Token));
        Assert.NotNull(await _f.Store.GetExchangeAsync("ex-2", Token));
        Assert.Equal((6L, 6L, 6L), (found.LastEntrySequence, found.Entries, found.Bodies));
    }

    [Fact]
    public async Task Find_HeldExchanges_CountedButNotCandidates()
    {
        await _f.PlaceHoldAsync("hold-1", LegalHoldTarget.Exchange, "ex-2");

        var found = await FindAsync(RetentionPhase.Records);
        var nextWindow = await _f.Retention.FindCandidatesAsync(
            new RetentionWindow(RetentionPhase.Records, "openai", _f.Time.GetUtcNow(), found.LastSequence, 10), Token);

        Assert.Equal(["ex-1", "ex-3"], found.ExchangeIds);
        Assert.Equal((3, 1), (found.Scanned, found.Held));
        Assert.Equal(0, nextWindow.Scanned);
    }

    private Task<RetentionCandidates> FindAsync(RetentionPhase phase) =>
        _f.Retention.FindCandidatesAsync(new RetentionWindow(phase, "openai", _f.Time.GetUtcNow().AddDays(-1), 0, 10), Token);
}
