using System.Text;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.ResponseHolds;
using Gatehouse.Policy;
using Gatehouse.Protocols;
using Gatehouse.Protocols.Holding;
using Gatehouse.Storage.Approvals;
using Gatehouse.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Gateway.Tests.ResponseHolds;

public sealed class ResponseReviewerTests
{
    private static readonly PolicyRule Rule = new()
    {
        Name = "auth-edits",
        Effect = PolicyEffect.RequireApproval,
        Approval = new ApprovalRequirement { ReviewerGroups = ["security"], Wait = TimeSpan.FromSeconds(20), Hold = ApprovalHold.Response },
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly TimerWatch _timers;
    private readonly FakeApprovalStore _store;
    private readonly ResponseReviewer _reviewer;
    private readonly MemoryStream _client = new();

    public ResponseReviewerTests()
    {
        _timers = new TimerWatch(_time, _time.Advance);
        _store = new FakeApprovalStore(_timers);
        var config = new GatehouseConfig
        {
            ResponseHolds = new ResponseHoldConfig { Heartbeat = TimeSpan.FromSeconds(5) },
            Limits = new LimitsConfig { MaxHoldsPerCaller = 1 },
        };
        _reviewer = new ResponseReviewer(_store, new ReviewAudit(new NullAuditTrail(), [], Microsoft.Extensions.Logging.Abstractions.NullLogger<ReviewAudit>.Instance), new CallerHolds(config), config, _time);
    }

    [Fact]
    public async Task Review_NoReviewerWithinTheWait_StreamGetsAHeartbeatEveryFiveSecondsThenStaysPending()
    {
        var review = Review(stream: true);

        var request = await RunClockUntil(review);

        Assert.Equal(ReviewState.Pending, request.State);
        Assert.Equal(3, Heartbeats(request.Id));
        Assert.Equal(HeldPart.Response, _store.Draft!.Hold);
        Assert.Equal("d1g35t", _store.Draft.ContentDigest);
        Assert.Equal("auth-edits", _store.Draft.RuleName);
        Assert.Equal(["security"], _store.Draft.Reviewers.ReviewerGroups);
    }

    [Fact]
    public async Task Review_ApprovedDuringTheWait_ReturnsApprovedAtTheNextWake()
    {
        var review = Review(stream: true);

        // Read the stream only while the reviewer sleeps on the clock, not while it writes a heartbeat.
        await _timers.AdvanceUntilAsync(() => _timers.Armed() > 0 && Heartbeats(_store.Current?.Id ?? "none") >= 2, "the second heartbeat");

        _store.Resolve(ReviewState.Approved);
        var request = await RunClockUntil(review);

        Assert.Equal(ReviewState.Approved, request.State);
        Assert.InRange(Heartbeats(request.Id), 2, 3);
        Assert.True(_time.GetUtcNow() < _store.Current!.CreatedAt + Rule.Approval!.Wait);
    }

    [Fact]
    public async Task Review_NotStreamed_WaitsSilently()
    {
        var request = await RunClockUntil(Review(stream: false));

        Assert.Equal(ReviewState.Pending, request.State);
        Assert.Equal(0, _client.Length);
    }

    [Fact]
    public async Task Review_CallerAlreadyHeldAtTheCap_IsRefusedWithoutOpeningARequest()
    {
        var first = Review(stream: true);
        await Eventually.UntilAsync(() => _store.Current is not null, "the first response to be held");
        var opened = _store.Current!.Id;

        var second = await ReviewOutcome(stream: true);

        Assert.Equal("too_many_holds", second.Limit?.Code.ToName());
        Assert.Null(second.Request);
        Assert.Equal(opened, _store.Current!.Id);
        Assert.Equal(ReviewState.Pending, (await RunClockUntil(first)).State);
    }

    private async Task<ApprovalRequest> Review(bool stream) => (await ReviewOutcome(stream)).Request!;

    private Task<ApprovalOutcome> ReviewOutcome(bool stream)
    {
        var adapter = new ProtocolRegistry().Get(ApiKind.OpenAIChat)!;
        var held = new HeldResponse(ResponseHoldBuffer.Create(adapter, stream ? "text/event-stream" : "application/json", true, 4096), _client, _time);
        var exchange = new Exchange("ex-1", _time, "POST")
        {
            Caller = new GatehouseIdentity("kai", "kai@example.com", null, ["dev"], "https://issuer", null, null, GatehouseIdentity.OidcMethod),
        };
        return _reviewer.ReviewAsync(exchange, held, Rule, new HoldFacts(["auth-edits"], ["edit_file"], "d1g35t"), "why", TestContext.Current.CancellationToken);
    }

    private async Task<ApprovalRequest> RunClockUntil(Task<ApprovalRequest> review)
    {
        await _timers.AdvanceUntilAsync(() => review.IsCompleted, "the review to end");
        return await review;
    }

    private int Heartbeats(string id)
    {
        var text = Encoding.UTF8.GetString(_client.ToArray());
        var beat = $": waiting for approval {id}\n\n";
        return text.Length == 0 ? 0 : text.Split(beat).Length - 1;
    }
}
