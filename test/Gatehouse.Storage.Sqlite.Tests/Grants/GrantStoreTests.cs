using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Sqlite.Grants;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Sqlite.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Grants;

public sealed class GrantStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Start);
    private SqliteStore _store = null!;
    private SqliteGrantStore _grants = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _store = _database.Open();
        _grants = new SqliteGrantStore(_store, _time);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Request_ThenReopen_RoundTripsAndIsNotYetActive()
    {
        var requested = await _grants.RequestAsync(Draft("prod"), Token);

        await _store.DisposeAsync();
        _store = _database.Open();
        _grants = new SqliteGrantStore(_store, _time);
        var read = await _grants.GetAsync(requested.Value!.Id, Token);

        Assert.StartsWith("grt_", read!.Id, StringComparison.Ordinal);
        Assert.Equal(("prod", TimeSpan.FromHours(2), "incident 42", ReviewState.Pending), (read.Connection, read.Duration, read.Reason, read.State));
        Assert.Equal("grant.requested", Assert.Single(requested.Events).Name);
        Assert.Empty(await _grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task Approved_IsActiveFromApprovalUntilDurationEnds()
    {
        var id = (await _grants.RequestAsync(Draft("prod"), Token)).Value!.Id;
        _time.Advance(TimeSpan.FromMinutes(10));

        var approved = await _grants.ReviewAsync(id, Bob, ReviewDecision.Approve, "on call", Token);

        Assert.Equal(["grant.reviewed", "grant.approved"], approved.Events.Select(e => e.Name));
        Assert.Equal(Start.AddMinutes(10).AddHours(2), approved.Value!.EndsAt);
        Assert.Equal(["prod"], await _grants.ActiveGrantsAsync("alice", Token));
        Assert.Empty(await _grants.ActiveGrantsAsync("bob", Token));
        _time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromTicks(1));
        Assert.Equal(["prod"], await _grants.ActiveGrantsAsync("alice", Token));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Empty(await _grants.ActiveGrantsAsync("alice", Token));
        Assert.False((await _grants.GetAsync(id, Token))!.IsActive(_time.GetUtcNow()));
    }

    [Fact]
    public async Task ActiveGrants_SeveralConnections_AreDistinctAndSorted()
    {
        foreach (var connection in new[] { "prod", "anthropic", "prod" })
        {
            var id = (await _grants.RequestAsync(Draft(connection), Token)).Value!.Id;
            await _grants.ReviewAsync(id, Carol, ReviewDecision.Approve, null, Token);
        }

        Assert.Equal(["anthropic", "prod"], await _grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task Review_ByRequesterOrNonReviewer_IsRefused()
    {
        var id = (await _grants.RequestAsync(Draft("prod"), Token)).Value!.Id;

        var self = await _grants.ReviewAsync(id, Alice, ReviewDecision.Approve, null, Token);
        var outsider = await _grants.ReviewAsync(id, Dave, ReviewDecision.Approve, null, Token);

        Assert.Equal((ReviewError.SelfReview, ReviewError.NotAReviewer), (self.Error!.Value, outsider.Error!.Value));
        Assert.Empty(await _grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task Rejected_IsNeverActiveAndStaysRejected()
    {
        var id = (await _grants.RequestAsync(Draft("prod"), Token)).Value!.Id;
        await _grants.ReviewAsync(id, Bob, ReviewDecision.Reject, "use staging", Token);

        var late = await _grants.ReviewAsync(id, Carol, ReviewDecision.Approve, null, Token);

        Assert.Equal(ReviewError.AlreadyResolved, late.Error);
        Assert.Equal(ReviewState.Rejected, (await _grants.GetAsync(id, Token))!.State);
        Assert.Empty(await _grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task Pending_PastTimeout_TimesOutAndSweepReportsIt()
    {
        var id = (await _grants.RequestAsync(Draft("prod") with { Timeout = TimeSpan.FromMinutes(15) }, Token)).Value!.Id;
        _time.Advance(TimeSpan.FromMinutes(20));

        var events = await _grants.SweepAsync(Token);
        var late = await _grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal(("grant.timed_out", id), (Assert.Single(events).Name, events[0].Id));
        Assert.Equal(ReviewError.AlreadyResolved, late.Error);
        Assert.Empty(await _grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task Revoke_Active_EndsItOnceWithEvent()
    {
        var id = (await _grants.RequestAsync(Draft("prod"), Token)).Value!.Id;
        await _grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);
        _time.Advance(TimeSpan.FromMinutes(30));

        var revoked = await _grants.RevokeAsync(id, Bob, Token);
        var again = await _grants.RevokeAsync(id, Bob, Token);
        var missing = await _grants.RevokeAsync("grt_missing", Bob, Token);

        Assert.Equal(("grant.revoked", "bob"), (Assert.Single(revoked.Events).Name, revoked.Events[0].Reviewer));
        Assert.Equal(("not_active", "not_found"), (again.Error!.Value.Code(), missing.Error!.Value.Code()));
        Assert.Empty(await _grants.ActiveGrantsAsync("alice", Token));
        var stored = await _grants.GetAsync(id, Token);
        Assert.Equal((Start.AddMinutes(30), "bob"), (stored!.RevokedAt!.Value, stored.RevokedBy));
    }

    [Fact]
    public async Task Revoke_ByRequesterAllowedByOutsiderRefused()
    {
        var id = (await _grants.RequestAsync(Draft("prod"), Token)).Value!.Id;
        await _grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        var outsider = await _grants.RevokeAsync(id, Dave, Token);
        Assert.Equal(ReviewError.NotAReviewer, outsider.Error);
        Assert.Equal(["prod"], await _grants.ActiveGrantsAsync("alice", Token));

        var own = await _grants.RevokeAsync(id, Alice, Token);
        Assert.True(own.Succeeded);
        Assert.Empty(await _grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task List_BySubject_ReturnsOnlyTheirsNewestFirst()
    {
        var first = (await _grants.RequestAsync(Draft("prod"), Token)).Value!.Id;
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = (await _grants.RequestAsync(Draft("staging"), Token)).Value!.Id;
        await _grants.RequestAsync(Draft("prod") with { Requester = Dave }, Token);

        Assert.Equal([second, first], (await _grants.ListAsync("alice", Token)).Select(g => g.Id));
        Assert.Equal(3, (await _grants.ListAsync(null, Token)).Count);
    }

    private static GrantDraft Draft(string connection) => new()
    {
        Requester = Alice,
        Connection = connection,
        Duration = TimeSpan.FromHours(2),
        Reason = "incident 42",
        Reviewers = Reviewers(),
    };
}
