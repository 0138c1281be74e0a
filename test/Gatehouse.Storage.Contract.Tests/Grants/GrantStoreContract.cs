using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Contract.Tests.Grants;

/// <summary>Requesting, reviewing, revoking and listing grants, on every provider.</summary>
public abstract class GrantStoreContract : GrantContract
{
    [Fact]
    public async Task Request_ThenReopen_RoundTripsAndIsNotYetActive()
    {
        var grants = await GrantsAsync();
        var requested = await grants.RequestAsync(Draft("prod"), Token);

        await ReopenAsync();
        grants = await GrantsAsync();
        var read = await grants.GetAsync(requested.Value!.Id, Token);

        Assert.StartsWith("grt_", read!.Id, StringComparison.Ordinal);
        Assert.Equal(("prod", TimeSpan.FromHours(2), "incident 42", ReviewState.Pending), (read.Connection, read.Duration, read.Reason, read.State));
        Assert.Equal("grant.requested", Assert.Single(requested.Events).Name);
        Assert.Empty(await grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task Approved_IsActiveFromApprovalUntilDurationEnds()
    {
        var grants = await GrantsAsync();
        var id = (await grants.RequestAsync(Draft("prod"), Token)).Value!.Id;
        Time.Advance(TimeSpan.FromMinutes(10));

        var approved = await grants.ReviewAsync(id, Bob, ReviewDecision.Approve, "on call", Token);

        Assert.Equal(["grant.reviewed", "grant.approved"], approved.Events.Select(e => e.Name));
        Assert.Equal(Start.AddMinutes(10).AddHours(2), approved.Value!.EndsAt);
        Assert.Equal(["prod"], await grants.ActiveGrantsAsync("alice", Token));
        Assert.Empty(await grants.ActiveGrantsAsync("bob", Token));
        Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromTicks(1));
        Assert.Equal(["prod"], await grants.ActiveGrantsAsync("alice", Token));
        Time.Advance(TimeSpan.FromTicks(1));
        Assert.Empty(await grants.ActiveGrantsAsync("alice", Token));
        Assert.False((await grants.GetAsync(id, Token))!.IsActive(Time.GetUtcNow()));
    }

    [Fact]
    public async Task ActiveGrants_SeveralConnections_AreDistinctAndSorted()
    {
        var grants = await GrantsAsync();
        foreach (var connection in new[] { "prod", "anthropic", "prod" })
        {
            var id = (await grants.RequestAsync(Draft(connection), Token)).Value!.Id;
            await grants.ReviewAsync(id, Carol, ReviewDecision.Approve, null, Token);
        }

        Assert.Equal(["anthropic", "prod"], await grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task Review_ByRequesterOrNonReviewer_IsRefused()
    {
        var grants = await GrantsAsync();
        var id = (await grants.RequestAsync(Draft("prod"), Token)).Value!.Id;

        var self = await grants.ReviewAsync(id, Alice, ReviewDecision.Approve, null, Token);
        var outsider = await grants.ReviewAsync(id, Dave, ReviewDecision.Approve, null, Token);

        Assert.Equal((ReviewError.SelfReview, ReviewError.NotAReviewer), (self.Error!.Value, outsider.Error!.Value));
        Assert.Empty(await grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task Rejected_IsNeverActiveAndStaysRejected()
    {
        var grants = await GrantsAsync();
        var id = (await grants.RequestAsync(Draft("prod"), Token)).Value!.Id;
        await grants.ReviewAsync(id, Bob, ReviewDecision.Reject, "use staging", Token);

        var late = await grants.ReviewAsync(id, Carol, ReviewDecision.Approve, null, Token);

        Assert.Equal(ReviewError.AlreadyResolved, late.Error);
        Assert.Equal(ReviewState.Rejected, (await grants.GetAsync(id, Token))!.State);
        Assert.Empty(await grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task Pending_PastTimeout_TimesOutAndSweepReportsIt()
    {
        var grants = await GrantsAsync();
        var id = (await grants.RequestAsync(Draft("prod") with { Timeout = TimeSpan.FromMinutes(15) }, Token)).Value!.Id;
        Time.Advance(TimeSpan.FromMinutes(20));

        var events = await grants.SweepAsync(Token);
        var late = await grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal(("grant.timed_out", id), (Assert.Single(events).Name, events[0].Id));
        Assert.Equal(ReviewError.AlreadyResolved, late.Error);
        Assert.Empty(await grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task Revoke_Active_EndsItOnceWithEvent()
    {
        var grants = await GrantsAsync();
        var id = (await grants.RequestAsync(Draft("prod"), Token)).Value!.Id;
        await grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);
        Time.Advance(TimeSpan.FromMinutes(30));

        var revoked = await grants.RevokeAsync(id, Bob, Token);
        var again = await grants.RevokeAsync(id, Bob, Token);
        var missing = await grants.RevokeAsync("grt_missing", Bob, Token);

        Assert.Equal(("grant.revoked", "bob"), (Assert.Single(revoked.Events).Name, revoked.Events[0].Reviewer));
        Assert.Equal(("not_active", "not_found"), (again.Error!.Value.Code(), missing.Error!.Value.Code()));
        Assert.Empty(await grants.ActiveGrantsAsync("alice", Token));
        var stored = await grants.GetAsync(id, Token);
        Assert.Equal((Start.AddMinutes(30), "bob"), (stored!.RevokedAt!.Value, stored.RevokedBy));
    }

    [Fact]
    public async Task Revoke_ByRequesterAllowedByOutsiderRefused()
    {
        var grants = await GrantsAsync();
        var id = (await grants.RequestAsync(Draft("prod"), Token)).Value!.Id;
        await grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        var outsider = await grants.RevokeAsync(id, Dave, Token);
        Assert.Equal(ReviewError.NotAReviewer, outsider.Error);
        Assert.Equal(["prod"], await grants.ActiveGrantsAsync("alice", Token));

        var own = await grants.RevokeAsync(id, Alice, Token);
        Assert.True(own.Succeeded);
        Assert.Empty(await grants.ActiveGrantsAsync("alice", Token));
    }

    [Fact]
    public async Task List_BySubject_ReturnsOnlyTheirsNewestFirst()
    {
        var grants = await GrantsAsync();
        var first = (await grants.RequestAsync(Draft("prod"), Token)).Value!.Id;
        Time.Advance(TimeSpan.FromSeconds(1));
        var second = (await grants.RequestAsync(Draft("staging"), Token)).Value!.Id;
        await grants.RequestAsync(Draft("prod") with { Requester = Dave }, Token);

        Assert.Equal([second, first], (await grants.ListAsync("alice", Token)).Select(g => g.Id));
        Assert.Equal(3, (await grants.ListAsync(null, Token)).Count);
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
