using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Contract.Tests.Grants;

/// <summary>The review rules as grants apply them, on every provider.</summary>
public abstract class GrantRulesContract : GrantContract
{
    [Fact]
    public async Task DenyThresholdOfTwo_OneRejectionKeepsItPending_TheSecondRejects()
    {
        var grants = await GrantsAsync();
        var id = await RequestAsync(Reviewers(approvals: 2, denyThreshold: 2));

        var first = await grants.ReviewAsync(id, Bob, ReviewDecision.Reject, "why now?", Token);
        var second = await grants.ReviewAsync(id, Carol, ReviewDecision.Reject, "no", Token);

        Assert.Equal(ReviewState.Pending, first.Value!.State);
        Assert.Equal(["grant.reviewed", "grant.rejected"], second.Events.Select(e => e.Name));
        Assert.Null((await grants.GetAsync(id, Token))!.EndsAt);
        Assert.Empty(await grants.ActiveAsync("alice", Token));
    }

    [Fact]
    public async Task TwoApprovalsNeeded_OneIsNotEnough()
    {
        var grants = await GrantsAsync();
        var id = await RequestAsync(Reviewers(approvals: 2));

        await grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);
        Assert.Empty(await grants.ActiveAsync("alice", Token));
        var again = await grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);
        await grants.ReviewAsync(id, Erin, ReviewDecision.Approve, null, Token);

        Assert.Equal(ReviewError.AlreadyReviewed, again.Error);
        Assert.Equal([new ActiveGrant("prod", Start.AddHours(2))], await grants.ActiveAsync("alice", Token));
    }

    [Fact]
    public async Task Pending_ReadPastItsTimeout_ShowsTimedOutAtItsDeadline()
    {
        var grants = await GrantsAsync();
        var id = await RequestAsync(Reviewers());
        Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1));
        Assert.Equal(ReviewState.Pending, (await grants.GetAsync(id, Token))!.State);

        Time.Advance(TimeSpan.FromTicks(1));
        var read = await grants.GetAsync(id, Token);
        var late = await grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal((ReviewState.TimedOut, Start.AddMinutes(15)), (read!.State, read.ResolvedAt!.Value));
        Assert.Equal(ReviewError.Expired, late.Error);
        Assert.Equal("grant.timed_out", Assert.Single(late.Events).Name);
    }

    [Fact]
    public async Task Active_TwoGrantsToOneConnection_ReportsTheLaterEnd()
    {
        var grants = await GrantsAsync();
        var shortId = await RequestAsync(Reviewers(), TimeSpan.FromHours(1));
        var longId = await RequestAsync(Reviewers(), TimeSpan.FromHours(3));
        await grants.ReviewAsync(shortId, Bob, ReviewDecision.Approve, null, Token);
        await grants.ReviewAsync(longId, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal([new ActiveGrant("prod", Start.AddHours(3))], await grants.ActiveAsync("alice", Token));
        await grants.RevokeAsync(longId, Bob, Token);
        Assert.Equal([new ActiveGrant("prod", Start.AddHours(1))], await grants.ActiveAsync("alice", Token));
    }

    private async Task<string> RequestAsync(ReviewPolicy reviewers, TimeSpan? duration = null)
    {
        var grants = await GrantsAsync();
        var draft = new GrantDraft
        {
            Requester = Alice,
            Connection = "prod",
            Duration = duration ?? TimeSpan.FromHours(2),
            Reason = "incident 7",
            Reviewers = reviewers,
        };
        return (await grants.RequestAsync(draft, Token)).Value!.Id;
    }
}
