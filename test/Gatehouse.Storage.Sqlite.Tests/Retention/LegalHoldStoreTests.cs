using Gatehouse.Audit.Retention;

namespace Gatehouse.Storage.Sqlite.Tests.Retention;

public sealed class LegalHoldStoreTests : IAsyncLifetime
{
    private readonly RetentionFixture _f = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Holds_PlacedAndReleased_ListedAndAuditedInOrder()
    {
        await _f.PlaceHoldAsync("hold-a", LegalHoldTarget.Exchange, "ex-1");
        await _f.PlaceHoldAsync("hold-b", LegalHoldTarget.User, "bob");
        _f.Time.Advance(TimeSpan.FromHours(1));

        var released = await _f.Retention.ReleaseHoldAsync("hold-a", "counsel-2", _f.Time.GetUtcNow(), Token);

        Assert.Equal(("counsel-2", _f.Time.GetUtcNow()), (released!.ReleasedBy, released.ReleasedAt!.Value));
        Assert.Equal(["hold-b"], (await _f.Retention.ListHoldsAsync(false, Token)).Select(h => h.Id));
        var all = await _f.Retention.ListHoldsAsync(true, Token);
        Assert.Equal([("hold-a", false), ("hold-b", true)], all.Select(h => (h.Id, h.IsActive)));
        Assert.Equal((LegalHoldTarget.User, "bob", "matter 42"), (all[1].Target, all[1].Value, all[1].Reason));
        var entries = await _f.EntriesAsync();
        Assert.Equal(
            [(RetentionEntryKinds.HoldPlaced, "hold-a"), (RetentionEntryKinds.HoldPlaced, "hold-b"), (RetentionEntryKinds.HoldReleased, "hold-a")],
            entries.Select(e => (e.Kind, e.ExchangeId)));
        Assert.True((await _f.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Release_UnknownOrAlreadyReleased_ReturnsNullAndAppendsNothing()
    {
        await _f.PlaceHoldAsync("hold-a", LegalHoldTarget.Exchange, "ex-1");
        await _f.Retention.ReleaseHoldAsync("hold-a", "counsel", _f.Time.GetUtcNow(), Token);

        Assert.Null(await _f.Retention.ReleaseHoldAsync("hold-a", "counsel", _f.Time.GetUtcNow(), Token));
        Assert.Null(await _f.Retention.ReleaseHoldAsync("hold-zz", "counsel", _f.Time.GetUtcNow(), Token));
        Assert.Equal(2, (await _f.EntriesAsync()).Count);
    }

    [Fact]
    public async Task Place_DuplicateId_FailsAndAppendsNothing()
    {
        await _f.PlaceHoldAsync("hold-a", LegalHoldTarget.Exchange, "ex-1");

        await Assert.ThrowsAnyAsync<Exception>(() => _f.PlaceHoldAsync("hold-a", LegalHoldTarget.User, "bob"));

        Assert.Single(await _f.EntriesAsync());
    }
}
