using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using static Gatehouse.Storage.Sqlite.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Grants;

public sealed class GrantRulesTests : GrantStoreTest
{
    [Fact]
    public async Task DenyThresholdOfTwo_OneRejectionKeepsItPending_TheSecondRejects()
    {
        var id = await RequestAsync(Reviewers(approvals: 2, denyThreshold: 2));

        var first = await Grants.ReviewAsync(id, Bob, ReviewDecision.Reject, "why now?", Token);
        var second = await Grants.ReviewAsync(id, Carol, ReviewDecision.Reject, "no", Token);

        Assert.Equal(ReviewState.Pending, first.Value!.State);
        Assert.Equal(["grant.reviewed", "grant.rejected"], second.Events.Select(e => e.Name));
        Assert.Null((await Grants.GetAsync(id, Token))!.EndsAt);
        Assert.Empty(await Grants.ActiveAsync("alice", Token));
    }

    [Fact]
    public async Task TwoApprovalsNeeded_OneIsNotEnough()
    {
        var id = await RequestAsync(Reviewers(approvals: 2));

        await Grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);
        Assert.Empty(await Grants.ActiveAsync("alice", Token));
        var again = await Grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);
        await Grants.ReviewAsync(id, Erin, ReviewDecision.Approve, null, Token);

        Assert.Equal(ReviewError.AlreadyReviewed, again.Error);
        Assert.Equal([new ActiveGrant("prod", Start.AddHours(2))], await Grants.ActiveAsync("alice", Token));
    }

    [Fact]
    public async Task Pending_ReadPastItsTimeout_ShowsTimedOutAtItsDeadline()
    {
        var id = await RequestAsync(Reviewers());
        Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1));
        Assert.Equal(ReviewState.Pending, (await Grants.GetAsync(id, Token))!.State);

        Time.Advance(TimeSpan.FromTicks(1));
        var read = await Grants.GetAsync(id, Token);
        var late = await Grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal((ReviewState.TimedOut, Start.AddMinutes(15)), (read!.State, read.ResolvedAt!.Value));
        Assert.Equal(ReviewError.Expired, late.Error);
        Assert.Equal("grant.timed_out", Assert.Single(late.Events).Name);
    }

    [Fact]
    public async Task Active_TwoGrantsToOneConnection_ReportsTheLaterEnd()
    {
        var shortId = await RequestAsync(Reviewers(), TimeSpan.FromHours(1));
        var longId = await RequestAsync(Reviewers(), TimeSpan.FromHours(3));
        await Grants.ReviewAsync(shortId, Bob, ReviewDecision.Approve, null, Token);
        await Grants.ReviewAsync(longId, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal([new ActiveGrant("prod", Start.AddHours(3))], await Grants.ActiveAsync("alice", Token));
        await Grants.RevokeAsync(longId, Bob, Token);
        Assert.Equal([new ActiveGrant("prod", Start.AddHours(1))], await Grants.ActiveAsync("alice", Token));
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
        return (await Grants.RequestAsync(draft, Token)).Value!.Id;
    }
}
