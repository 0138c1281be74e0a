using Gatehouse.Audit.Retention;

namespace Gatehouse.Storage.Contract.Tests.Retention;

public abstract class LegalHoldStoreContract : RetentionContract
{
    [Fact]
    public async Task Holds_PlacedAndReleased_ListedAndAuditedInOrder()
    {
        var f = await FixtureAsync();
        await f.PlaceHoldAsync("hold-a", LegalHoldTarget.Exchange, "ex-1");
        await f.PlaceHoldAsync("hold-b", LegalHoldTarget.User, "bob");
        f.Time.Advance(TimeSpan.FromHours(1));

        var released = await f.Retention.ReleaseHoldAsync("hold-a", "counsel-2", f.Time.GetUtcNow(), Token);

        Assert.Equal(("counsel-2", f.Time.GetUtcNow()), (released!.ReleasedBy, released.ReleasedAt!.Value));
        Assert.Equal(["hold-b"], (await f.Retention.ListHoldsAsync(false, Token)).Select(h => h.Id));
        var all = await f.Retention.ListHoldsAsync(true, Token);
        Assert.Equal([("hold-a", false), ("hold-b", true)], all.Select(h => (h.Id, h.IsActive)));
        Assert.Equal((LegalHoldTarget.User, "bob", "matter 42"), (all[1].Target, all[1].Value, all[1].Reason));
        var entries = await f.EntriesAsync();
        Assert.Equal(
            [(RetentionEntryKinds.HoldPlaced, "hold-a"), (RetentionEntryKinds.HoldPlaced, "hold-b"), (RetentionEntryKinds.HoldReleased, "hold-a")],
            entries.Select(e => (e.Kind, e.ExchangeId)));
        Assert.True((await f.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Release_UnknownOrAlreadyReleased_ReturnsNullAndAppendsNothing()
    {
        var f = await FixtureAsync();
        await f.PlaceHoldAsync("hold-a", LegalHoldTarget.Exchange, "ex-1");
        await f.Retention.ReleaseHoldAsync("hold-a", "counsel", f.Time.GetUtcNow(), Token);

        Assert.Null(await f.Retention.ReleaseHoldAsync("hold-a", "counsel", f.Time.GetUtcNow(), Token));
        Assert.Null(await f.Retention.ReleaseHoldAsync("hold-zz", "counsel", f.Time.GetUtcNow(), Token));
        Assert.Equal(2, (await f.EntriesAsync()).Count);
    }

    [Fact]
    public async Task Place_DuplicateId_FailsAndAppendsNothing()
    {
        var f = await FixtureAsync();
        await f.PlaceHoldAsync("hold-a", LegalHoldTarget.Exchange, "ex-1");

        await Assert.ThrowsAnyAsync<Exception>(() => f.PlaceHoldAsync("hold-a", LegalHoldTarget.User, "bob"));

        Assert.Single(await f.EntriesAsync());
    }
}
