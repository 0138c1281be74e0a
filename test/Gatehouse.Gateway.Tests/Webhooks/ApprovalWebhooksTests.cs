using Gatehouse.Gateway.Webhooks;
using Gatehouse.Storage;
using Gatehouse.Storage.Approvals;
using Gatehouse.Control.Webhooks;

namespace Gatehouse.Gateway.Tests.Webhooks;

/// <summary>Which approval changes become notices, and what the notices say, with the store up or down.</summary>
public sealed class ApprovalWebhooksTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ReviewEventKind.Requested, WebhookEvents.ApprovalRequested, "pending")]
    [InlineData(ReviewEventKind.Approved, WebhookEvents.ApprovalResolved, "approved")]
    [InlineData(ReviewEventKind.Rejected, WebhookEvents.ApprovalResolved, "rejected")]
    [InlineData(ReviewEventKind.TimedOut, WebhookEvents.ApprovalResolved, "timed_out")]
    [InlineData(ReviewEventKind.Cancelled, WebhookEvents.ApprovalResolved, "cancelled")]
    public async Task Recorded_ApprovalChange_QueuesANoticeWithTheStoredDetails(ReviewEventKind kind, string eventName, string state)
    {
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(new Uri("http://127.0.0.1:9/"))], start: false);
        var webhooks = new ApprovalWebhooks(rig.Dispatcher, new OneRequestStore(Stored()), WebhookRig.Links);

        webhooks.Recorded(Change(kind));

        var notice = Assert.IsType<ReviewNotice>(await TakeAsync(rig));
        Assert.Equal(eventName, notice.Event);
        Assert.Equal(state, notice.State);
        Assert.Equal("kai@example.com", notice.Requester);
        Assert.Equal("auth-files", notice.Detail("rule"));
        Assert.Equal("touches auth", notice.Detail("justification"));
        Assert.Equal(new string('b', 64), notice.Detail("contentDigest"));
        Assert.Equal(state is "approved" or "rejected" ? "lee" : null, notice.Reviewer);
    }

    [Theory]
    [InlineData(ReviewEventKind.Reviewed, ReviewTarget.Approval)]
    [InlineData(ReviewEventKind.Requested, ReviewTarget.Grant)]
    [InlineData(ReviewEventKind.Revoked, ReviewTarget.Grant)]
    public async Task Recorded_ReviewOrGrantChange_QueuesNothing(ReviewEventKind kind, ReviewTarget target)
    {
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(new Uri("http://127.0.0.1:9/"))], start: false);
        var webhooks = new ApprovalWebhooks(rig.Dispatcher, new OneRequestStore(Stored()), WebhookRig.Links);

        webhooks.Recorded(Change(kind) with { Target = target });

        Assert.False(rig.Dispatcher.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Recorded_Withdrawn_NamesTheRequesterWhoWithdrewIt_NotAnEarlierReviewer()
    {
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(new Uri("http://127.0.0.1:9/"))], start: false);
        var webhooks = new ApprovalWebhooks(rig.Dispatcher, new OneRequestStore(Stored()), WebhookRig.Links);

        webhooks.Recorded(Change(ReviewEventKind.Cancelled) with { Reviewer = "kai" });

        var notice = Assert.IsType<ReviewNotice>(await TakeAsync(rig));
        Assert.Equal(("cancelled", "kai", null), (notice.State, notice.Reviewer, notice.ReviewJustification));
        Assert.Equal("https://gatehouse.example.com/api/approvals/apr_7", notice.Links.Url);
    }

    [Fact]
    public async Task Recorded_StoreDown_NoticeCarriesWhatTheEventKnows()
    {
        await using var rig = await WebhookRig.StartAsync([WebhookRig.Json(new Uri("http://127.0.0.1:9/"))], start: false);
        var webhooks = new ApprovalWebhooks(rig.Dispatcher, new OneRequestStore(null), WebhookRig.Links);

        webhooks.Recorded(Change(ReviewEventKind.Requested));

        var notice = Assert.IsType<ReviewNotice>(await TakeAsync(rig));
        Assert.Equal("apr_7", notice.Id);
        Assert.Equal("kai", notice.Requester);
        Assert.Equal("openai", notice.Connection);
        Assert.Null(notice.Detail("rule"));
    }

    private static async Task<Notice> TakeAsync(WebhookRig rig)
    {
        Assert.True(rig.Dispatcher.Reader.TryRead(out var queued));
        return await queued.Resolve(TestContext.Current.CancellationToken);
    }

    private static ReviewEvent Change(ReviewEventKind kind) => new()
    {
        Kind = kind,
        Target = ReviewTarget.Approval,
        Id = "apr_7",
        ExchangeId = "ex_7",
        Connection = "openai",
        Requester = "kai",
        At = At,
    };

    private static ApprovalRequest Stored() => new()
    {
        Id = "apr_7",
        ExchangeId = "ex_7",
        ContentDigest = new string('b', 64),
        Requester = new Principal { Subject = "kai", Email = "kai@example.com" },
        Connection = "openai",
        RuleName = "auth-files",
        Reviewers = new ReviewPolicy { ReviewerGroups = ["leads"] },
        Timeout = TimeSpan.FromMinutes(15),
        Expiry = TimeSpan.FromHours(1),
        Hold = HeldPart.Request,
        Justification = "touches auth",
        CreatedAt = At,
        Reviews = [new Review("lee", ReviewDecision.Approve, "ok", At)],
    };

    /// <summary>A store that finds one request, or is down when given none.</summary>
    private sealed class OneRequestStore(ApprovalRequest? request) : IApprovalStore
    {
        public Task<ApprovalRequest?> GetAsync(string id, CancellationToken cancellationToken)
            => request is null ? throw new StoreUnavailableException("down") : Task.FromResult<ApprovalRequest?>(request);

        public Task<ReviewResult<ApprovalRequest>> CreateAsync(ApprovalDraft draft, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ApprovalRequest>> ListAsync(ReviewState? state, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ReviewResult<ApprovalRequest>> ReviewAsync(string id, Principal reviewer, ReviewDecision decision, string? justification, CancellationToken cancellationToken)
            => throw new NotSupportedException();

        public Task<ReviewResult<ApprovalRequest>> CancelAsync(string id, Principal requester, CancellationToken cancellationToken)
            => throw new NotSupportedException();

        public Task<ApprovalRequest?> FindValidApprovalAsync(string digest, string requester, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ReviewEvent>> SweepAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ReviewPage<ApprovalRequest>> ListPageAsync(ReviewState? state, string? after, int limit, CancellationToken cancellationToken)
            => throw new NotSupportedException();

        public Task<ApprovalRequest?> FindPendingAsync(string digest, string requester, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CountPendingAsync(string requester, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ApprovalRequest> WaitForResolutionAsync(string id, TimeSpan wait, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
