using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Grants;
using Gatehouse.Testing;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Contract.Tests.Reviews;

/// <summary>Withdrawing a pending review item (<c>cancelled</c>), for approvals and grants alike, on every provider.</summary>
public abstract class ReviewCancelContract : ProviderTest
{
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task CancelApproval_ByRequesterUnderAnotherIdentity_IsStoredAsCancelledWithEvent()
    {
        var approvals = Provider.Approvals(await Provider.OpenAsync(Token), _time);
        var id = (await approvals.CreateAsync(Draft(), Token)).Value!.Id;
        _time.Advance(TimeSpan.FromSeconds(5));

        // The same person signed in another way: another subject, her verified e-mail.
        var result = await approvals.CancelAsync(id, Dave with { Email = "ALICE@example.com" }, Token);

        Assert.True(result.Succeeded);
        var cancelled = Assert.Single(result.Events);
        Assert.Equal(("approval.cancelled", "dave", "alice"), (cancelled.Name, cancelled.Reviewer, cancelled.Requester));
        var reopened = Provider.Approvals(await Provider.OpenAsync(Token), _time);
        var stored = await reopened.GetAsync(id, Token);
        Assert.Equal((ReviewState.Cancelled, Start.AddSeconds(5)), (stored!.State, stored.ResolvedAt!.Value));
        Assert.Equal([id], (await reopened.ListPageAsync(ReviewState.Cancelled, null, 10, Token)).Items.Select(r => r.Id));
        Assert.Empty((await reopened.ListPageAsync(ReviewState.Pending, null, 10, Token)).Items);
        Assert.Null(await reopened.FindPendingAsync(stored.ContentDigest, Alice.Id, Token));
    }

    [Fact]
    public async Task CancelApproval_ByReviewer_RefusedAsNotRequesterAndStaysPending()
    {
        var approvals = Provider.Approvals(await Provider.OpenAsync(Token), _time);
        var id = (await approvals.CreateAsync(Draft(), Token)).Value!.Id;

        var result = await approvals.CancelAsync(id, Bob, Token);

        Assert.Equal("not_requester", result.Error!.Value.Code());
        Assert.Empty(result.Events);
        Assert.Equal(ReviewState.Pending, (await approvals.GetAsync(id, Token))!.State);
    }

    [Fact]
    public async Task CancelApproval_AfterApproval_RefusedAsAlreadyResolved_AndReviewAfterCancelRefused()
    {
        var approvals = Provider.Approvals(await Provider.OpenAsync(Token), _time);
        var approved = (await approvals.CreateAsync(Draft("one"), Token)).Value!.Id;
        await approvals.ReviewAsync(approved, Bob, ReviewDecision.Approve, null, Token);
        var withdrawn = (await approvals.CreateAsync(Draft("second"), Token)).Value!.Id;
        await approvals.CancelAsync(withdrawn, Alice, Token);

        var late = await approvals.CancelAsync(approved, Alice, Token);
        var review = await approvals.ReviewAsync(withdrawn, Bob, ReviewDecision.Approve, null, Token);
        var missing = await approvals.CancelAsync("apr_missing", Alice, Token);

        Assert.Equal(("already_resolved", ReviewState.Approved), (late.Error!.Value.Code(), late.Value!.State));
        Assert.Equal(("already_resolved", ReviewState.Cancelled), (review.Error!.Value.Code(), review.Value!.State));
        Assert.Equal(ReviewError.NotFound, missing.Error);
    }

    [Fact]
    public async Task CancelApproval_WhileTheClientWaits_WakesTheWaiterWithCancelled()
    {
        // The clock never moves, so only the store's own notification can wake the waiter.
        var timers = new TimerWatch(_time, _time.Advance);
        var approvals = Provider.Approvals(await Provider.OpenAsync(Token), timers);
        var id = (await approvals.CreateAsync(Draft(), Token)).Value!.Id;
        var waiting = approvals.WaitForResolutionAsync(id, TimeSpan.FromSeconds(30), Token);
        await timers.UntilArmedAsync("the waiter to sleep until its next poll");

        await approvals.CancelAsync(id, Alice, Token);
        var resolved = await waiting.WaitAsync(Eventually.DefaultTimeout, Token);

        Assert.Equal(ReviewState.Cancelled, resolved.State);
    }

    [Fact]
    public async Task CancelGrant_ByRequester_NeverBecomesActive_AndOthersAreRefused()
    {
        var grants = Provider.Grants(await Provider.OpenAsync(Token), _time);
        var id = (await grants.RequestAsync(GrantDraft(), Token)).Value!.Id;

        var byReviewer = await grants.CancelAsync(id, Bob, Token);
        var byRequester = await grants.CancelAsync(id, Alice, Token);
        var approve = await grants.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal(ReviewError.NotRequester, byReviewer.Error);
        Assert.Equal(("grant.cancelled", "alice"), (Assert.Single(byRequester.Events).Name, byRequester.Events[0].Reviewer));
        Assert.Equal(ReviewError.AlreadyResolved, approve.Error);
        Assert.Equal(ReviewState.Cancelled, (await grants.GetAsync(id, Token))!.State);
        Assert.Empty(await grants.ActiveGrantsAsync(Alice.Id, Token));
        Assert.Empty((await grants.ListPageAsync(pendingOnly: true, null, 10, Token)).Items);
        Assert.Equal(0, await grants.CountPendingAsync(Alice.Id, Token));
    }

    [Fact]
    public async Task Cancel_PastTimeout_TimesOutAndSaysExpired()
    {
        var grants = Provider.Grants(await Provider.OpenAsync(Token), _time);
        var id = (await grants.RequestAsync(GrantDraft(), Token)).Value!.Id;
        _time.Advance(TimeSpan.FromHours(2));

        var result = await grants.CancelAsync(id, Alice, Token);

        Assert.Equal(("expired", "grant.timed_out"), (result.Error!.Value.Code(), Assert.Single(result.Events).Name));
        Assert.Equal(ReviewState.TimedOut, (await grants.GetAsync(id, Token))!.State);
    }

    private static GrantDraft GrantDraft() => new()
    {
        Requester = Alice,
        Connection = "prod",
        Duration = TimeSpan.FromHours(2),
        Reason = "incident 42",
        Reviewers = Reviewers(),
        Timeout = TimeSpan.FromHours(1),
    };
}
