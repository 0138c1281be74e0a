using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Sqlite.Grants;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Sqlite.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Grants;

public sealed class GrantRulesTests : IAsyncLifetime
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
    public async Task DenyThresholdOfTwo_OneRejectionKeepsItPending_TheSecondRejects()
    {
        var id = await RequestAsync(Reviewers(approvals: 2, denyThreshold: 2));

        var first = await _grants.ReviewAsync(id, Bob, ReviewDecision.Reject, "why now?", Token);
        var second = await _grants.ReviewAsync(id, Carol, ReviewDecision.Reject, "no", Token);

        Assert.Equal(ReviewState.Pending, first.Value!.State);
        Assert.Equal(["grant.reviewed", "grant.rejected"], second.Events.Select(e => e.Name));
        Assert.Null((await _grants.GetAsync(id, Token))!.EndsAt);
        Assert.Empty(await _grants.ActiveAsync("alice", Token));
    }

    [Fact]
    public async Task TwoApprovalsNeeded_OneIsNotEnough()
    {
        var id = await RequestAsync(Reviewers(approvals: 2));

        await _grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);
        Assert.Empty(await _grants.ActiveAsync("alice", Token));
        var again = await _grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);
        await _grants.ReviewAsync(id, Erin, ReviewDecision.Approve, null, Token);

        Assert.Equal(ReviewError.AlreadyReviewed, again.Error);
        Assert.Equal([new ActiveGrant("prod", Start.AddHours(2))], await _grants.ActiveAsync("alice", Token));
    }

    [Fact]
    public async Task Pending_ReadPastItsTimeout_ShowsTimedOutAtItsDeadline()
    {
        var id = await RequestAsync(Reviewers());
        _time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1));
        Assert.Equal(ReviewState.Pending, (await _grants.GetAsync(id, Token))!.State);

        _time.Advance(TimeSpan.FromTicks(1));
        var read = await _grants.GetAsync(id, Token);
        var late = await _grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal((ReviewState.TimedOut, Start.AddMinutes(15)), (read!.State, read.ResolvedAt!.Value));
        Assert.Equal(ReviewError.Expired, late.Error);
        Assert.Equal("grant.timed_out", Assert.Single(late.Events).Name);
    }

    [Fact]
    public async Task Active_TwoGrantsToOneConnection_ReportsTheLaterEnd()
    {
        var shortId = await RequestAsync(Reviewers(), TimeSpan.FromHours(1));
        var longId = await RequestAsync(Reviewers(), TimeSpan.FromHours(3));
        await _grants.ReviewAsync(shortId, Bob, ReviewDecision.Approve, null, Token);
        await _grants.ReviewAsync(longId, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal([new ActiveGrant("prod", Start.AddHours(3))], await _grants.ActiveAsync("alice", Token));
        await _grants.RevokeAsync(longId, Bob, Token);
        Assert.Equal([new ActiveGrant("prod", Start.AddHours(1))], await _grants.ActiveAsync("alice", Token));
    }

    private async Task<string> RequestAsync(ReviewPolicy reviewers, TimeSpan? duration = null)
    {
        var draft = new GrantDraft
        {
            Requester = Alice,
            Connection = "prod",
            Duration = duration ?? TimeSpan.FromHours(2),
            Reason = "incident 7",
            Reviewers = reviewers,
        };
        return (await _grants.RequestAsync(draft, Token)).Value!.Id;
    }
}
