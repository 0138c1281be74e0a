using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Contract.Tests.Providers;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The review rules as every approval store applies them: each provider runs these tests through a subclass.</summary>
public abstract class ApprovalReviewContract : ProviderTest
{
    private readonly FakeTimeProvider _time = new(Start);
    private IApprovalStore? _approvals;

    [Fact]
    public async Task Create_ThenReopen_RoundTripsEveryField()
    {
        var approvals = await ApprovalsAsync();
        var created = await approvals.CreateAsync(Draft(), Token);

        var reopened = Provider.Approvals(await Provider.OpenAsync(Token), _time);
        var read = await reopened.GetAsync(created.Value!.Id, Token);

        Assert.StartsWith("apr_", created.Value.Id, StringComparison.Ordinal);
        Assert.Equal(created.Value.Requester.Groups, read!.Requester.Groups);
        Assert.Equal(created.Value.Reviewers.ReviewerGroups, read.Reviewers.ReviewerGroups);
        Assert.Equal(created.Value.Reviewers.ReviewerUsers, read.Reviewers.ReviewerUsers);
        Assert.Equal(created.Value with { Requester = read.Requester, Reviewers = read.Reviewers, Reviews = read.Reviews }, read);
        Assert.Equal(ReviewState.Pending, read.State);
        var opened = Assert.Single(created.Events);
        Assert.Equal(("approval.requested", "alice", created.Value.ExchangeId), (opened.Name, opened.Requester, opened.ExchangeId));
    }

    [Fact]
    public async Task Review_ByRequesterEvenInReviewerGroup_RefusedAsSelfReview()
    {
        var approvals = await ApprovalsAsync();
        var id = await CreateAsync();

        var result = await approvals.ReviewAsync(id, Alice with { Email = null }, ReviewDecision.Approve, "mine", Token);

        Assert.Equal("self_review", result.Error!.Value.Code());
        Assert.Empty(result.Events);
        Assert.Equal(ReviewState.Pending, (await approvals.GetAsync(id, Token))!.State);
    }

    [Fact]
    public async Task Review_SameEmailUnderAnotherSubject_RefusedAsSelfReview()
    {
        var approvals = await ApprovalsAsync();
        var id = await CreateAsync();

        var result = await approvals.ReviewAsync(id, Bob with { Email = "ALICE@example.com" }, ReviewDecision.Approve, null, Token);

        Assert.Equal(ReviewError.SelfReview, result.Error);
    }

    [Fact]
    public async Task Review_OutsideReviewerGroupsAndUsers_RefusedAsNotAReviewer()
    {
        var approvals = await ApprovalsAsync();
        var id = await CreateAsync();

        var result = await approvals.ReviewAsync(id, Dave, ReviewDecision.Approve, null, Token);

        Assert.Equal("not_a_reviewer", result.Error!.Value.Code());
        Assert.Empty((await approvals.GetAsync(id, Token))!.Reviews);
    }

    [Fact]
    public async Task Review_ByNamedReviewerUser_IsRecordedAndApproves()
    {
        var approvals = await ApprovalsAsync();
        var id = await CreateAsync();

        var result = await approvals.ReviewAsync(id, Erin, ReviewDecision.Approve, "looks fine", Token);

        Assert.True(result.Succeeded);
        Assert.Equal(ReviewState.Approved, result.Value!.State);
        Assert.Equal(new Review("erin", ReviewDecision.Approve, "looks fine", Start) { ReviewerName = "erin", ReviewerEmail = "Erin@Example.com" }, Assert.Single((await approvals.GetAsync(id, Token))!.Reviews));
    }

    [Fact]
    public async Task Review_SecondTimeBySameReviewer_RefusedAsAlreadyReviewed()
    {
        var approvals = await ApprovalsAsync();
        var id = await CreateAsync(Reviewers(approvals: 2));
        await approvals.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        var again = await approvals.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal("already_reviewed", again.Error!.Value.Code());
        var stored = await approvals.GetAsync(id, Token);
        Assert.Equal(ReviewState.Pending, stored!.State);
        Assert.Single(stored.Reviews);
    }

    [Fact]
    public async Task Review_NApprovalsNeeded_StaysPendingUntilTheNth()
    {
        var approvals = await ApprovalsAsync();
        var id = await CreateAsync(Reviewers(approvals: 3, denyThreshold: 2));

        var first = await approvals.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);
        var reject = await approvals.ReviewAsync(id, Carol, ReviewDecision.Reject, "too broad", Token);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await approvals.ReviewAsync(id, Erin, ReviewDecision.Approve, null, Token);

        Assert.Equal([ReviewState.Pending, ReviewState.Pending], [first.Value!.State, reject.Value!.State]);
        Assert.Equal(["approval.reviewed"], first.Events.Select(e => e.Name));
        Assert.Equal(ReviewState.Pending, second.Value!.State);
        var third = await approvals.ReviewAsync(id, Reviewer("frank"), ReviewDecision.Approve, null, Token);
        Assert.Equal(ReviewState.Approved, third.Value!.State);
        Assert.Equal(["approval.reviewed", "approval.approved"], third.Events.Select(e => e.Name));
        Assert.Equal(("frank", ReviewDecision.Approve), (third.Events[0].Reviewer, third.Events[0].Decision!.Value));
        Assert.Equal(Start.AddMinutes(1), third.Value.ResolvedAt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Review_DenyThresholdReached_RejectsAtOnceDespiteApprovalsNeeded(int threshold)
    {
        var approvals = await ApprovalsAsync();
        var id = await CreateAsync(Reviewers(approvals: 3, denyThreshold: threshold));
        await approvals.ReviewAsync(id, Erin, ReviewDecision.Approve, null, Token);

        ReviewResult<ApprovalRequest>? last = null;
        foreach (var reviewer in new[] { Bob, Carol }.Take(threshold))
        {
            Assert.Equal(ReviewState.Pending, (await approvals.GetAsync(id, Token))!.State);
            last = await approvals.ReviewAsync(id, reviewer, ReviewDecision.Reject, "no", Token);
        }

        Assert.Equal(ReviewState.Rejected, last!.Value!.State);
        Assert.Equal("approval.rejected", last.Events[^1].Name);
    }

    [Theory]
    [InlineData(ReviewDecision.Approve)]
    [InlineData(ReviewDecision.Reject)]
    public async Task Review_AfterResolution_RefusedAsAlreadyResolvedAndStateKept(ReviewDecision first)
    {
        var approvals = await ApprovalsAsync();
        var id = await CreateAsync();
        var resolved = await approvals.ReviewAsync(id, Bob, first, null, Token);
        var opposite = first == ReviewDecision.Approve ? ReviewDecision.Reject : ReviewDecision.Approve;

        var late = await approvals.ReviewAsync(id, Carol, opposite, null, Token);

        Assert.Equal("already_resolved", late.Error!.Value.Code());
        Assert.Empty(late.Events);
        var stored = await approvals.GetAsync(id, Token);
        Assert.Equal((resolved.Value!.State, resolved.Value.Version), (stored!.State, stored.Version));
        Assert.Single(stored.Reviews);
    }

    [Fact]
    public async Task Review_UnknownId_RefusedAsNotFound()
    {
        var approvals = await ApprovalsAsync();
        var result = await approvals.ReviewAsync("apr_missing", Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal(("not_found", (ApprovalRequest?)null), (result.Error!.Value.Code(), result.Value));
    }

    [Fact]
    public async Task List_ByState_FiltersAsOfNow()
    {
        var approvals = await ApprovalsAsync();
        var approved = await CreateAsync();
        await approvals.ReviewAsync(approved, Bob, ReviewDecision.Approve, null, Token);
        var pending = await CreateAsync();

        Assert.Equal([pending], (await approvals.ListAsync(ReviewState.Pending, Token)).Select(r => r.Id));
        Assert.Equal([approved], (await approvals.ListAsync(ReviewState.Approved, Token)).Select(r => r.Id));
        Assert.Equal(2, (await approvals.ListAsync(null, Token)).Count);
    }

    private static Principal Reviewer(string subject) => new() { Subject = subject, Groups = ["security"] };

    private async Task<string> CreateAsync(ReviewPolicy? reviewers = null) =>
        (await (await ApprovalsAsync()).CreateAsync(Draft(reviewers: reviewers), Token)).Value!.Id;

    private async Task<IApprovalStore> ApprovalsAsync() => _approvals ??= Provider.Approvals(await Provider.OpenAsync(Token), _time);
}
