using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Contract.Tests.Providers;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>Timeouts, sweeps and the lifetime of an approval, on every provider.</summary>
public abstract class ApprovalTimeContract : ProviderTest
{
    private const string Body = "edit src/auth/login.cs";

    private readonly FakeTimeProvider _time = new(Start);
    private IApprovalStore? _approvals;

    private static string Digest => ApprovalRequest.DigestOf(System.Text.Encoding.UTF8.GetBytes(Body));

    [Fact]
    public async Task Get_PendingPastTimeout_ReadsTimedOutAtTheDeadline()
    {
        var approvals = await ApprovalsAsync();
        var id = (await approvals.CreateAsync(Draft(Body) with { Timeout = TimeSpan.FromMinutes(15) }, Token)).Value!.Id;

        _time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1));
        Assert.Equal(ReviewState.Pending, (await approvals.GetAsync(id, Token))!.State);
        _time.Advance(TimeSpan.FromMinutes(5));
        var read = await approvals.GetAsync(id, Token);

        Assert.Equal(ReviewState.TimedOut, read!.State);
        Assert.Equal(Start.AddMinutes(15), read.ResolvedAt);
        Assert.Equal([id], (await approvals.ListAsync(ReviewState.TimedOut, Token)).Select(r => r.Id));
    }

    [Fact]
    public async Task Sweep_PendingPastTimeout_StoresTimeoutOnceWithEvent()
    {
        var approvals = await ApprovalsAsync();
        var overdue = (await approvals.CreateAsync(Draft(Body) with { Timeout = TimeSpan.FromMinutes(5) }, Token)).Value!.Id;
        var fresh = (await approvals.CreateAsync(Draft(Body) with { Timeout = TimeSpan.FromHours(1) }, Token)).Value!.Id;
        _time.Advance(TimeSpan.FromMinutes(10));

        var events = await approvals.SweepAsync(Token);
        var again = await approvals.SweepAsync(Token);

        var timedOut = Assert.Single(events);
        Assert.Equal(("approval.timed_out", overdue, Start.AddMinutes(5)), (timedOut.Name, timedOut.Id, timedOut.At));
        Assert.Empty(again);
        Assert.Equal("timed_out", await Provider.ScalarAsync($"SELECT state FROM approvals WHERE id = '{overdue}'", Token));
        Assert.Equal("pending", await Provider.ScalarAsync($"SELECT state FROM approvals WHERE id = '{fresh}'", Token));
        Assert.Equal(ReviewState.Pending, (await approvals.GetAsync(fresh, Token))!.State);
    }

    [Fact]
    public async Task Review_PastTimeout_RefusedAsExpiredAndStoresTheTimeout()
    {
        var approvals = await ApprovalsAsync();
        var id = (await approvals.CreateAsync(Draft(Body), Token)).Value!.Id;
        _time.Advance(TimeSpan.FromMinutes(16));

        var late = await approvals.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal("expired", late.Error!.Value.Code());
        Assert.Equal(["approval.timed_out"], late.Events.Select(e => e.Name));
        Assert.Equal(ReviewState.TimedOut, late.Value!.State);
        Assert.Empty(await approvals.SweepAsync(Token));
        Assert.Null(await approvals.FindValidApprovalAsync(Digest, "alice", Token));
    }

    [Fact]
    public async Task FindValidApproval_BoundToDigestAndRequester()
    {
        var approvals = await ApprovalsAsync();
        var id = await ApproveAsync();

        Assert.Equal(id, (await approvals.FindValidApprovalAsync(Digest, "alice", Token))!.Id);
        Assert.Equal(id, (await approvals.FindValidApprovalAsync(Digest.ToUpperInvariant(), "alice", Token))!.Id);
        var changed = ApprovalRequest.DigestOf(System.Text.Encoding.UTF8.GetBytes(Body + " "));
        Assert.Null(await approvals.FindValidApprovalAsync(changed, "alice", Token));
        Assert.Null(await approvals.FindValidApprovalAsync(Digest, "dave", Token));
    }

    [Fact]
    public async Task FindValidApproval_PendingOrRejected_ReturnsNothing()
    {
        var approvals = await ApprovalsAsync();
        var pending = (await approvals.CreateAsync(Draft(Body), Token)).Value!.Id;
        Assert.Null(await approvals.FindValidApprovalAsync(Digest, "alice", Token));

        await approvals.ReviewAsync(pending, Bob, ReviewDecision.Reject, "no", Token);

        Assert.Null(await approvals.FindValidApprovalAsync(Digest, "alice", Token));
    }

    [Fact]
    public async Task FindValidApproval_ExpiresAfterExpiry()
    {
        var approvals = await ApprovalsAsync();
        await ApproveAsync(expiry: TimeSpan.FromHours(1));

        _time.Advance(TimeSpan.FromMinutes(59));
        var before = await approvals.FindValidApprovalAsync(Digest, "alice", Token);
        _time.Advance(TimeSpan.FromMinutes(1));
        var after = await approvals.FindValidApprovalAsync(Digest, "alice", Token);

        Assert.Equal(Start.AddMinutes(2).AddHours(1), before!.ExpiresAt);
        Assert.Null(after);
    }

    private async Task<string> ApproveAsync(TimeSpan? expiry = null)
    {
        var approvals = await ApprovalsAsync();
        var draft = Draft(Body) with { Expiry = expiry ?? TimeSpan.FromHours(1) };
        var id = (await approvals.CreateAsync(draft, Token)).Value!.Id;
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await approvals.ReviewAsync(id, Bob, ReviewDecision.Approve, "ok", Token)).Succeeded);
        return id;
    }

    private async Task<IApprovalStore> ApprovalsAsync() => _approvals ??= Provider.Approvals(await Provider.OpenAsync(Token), _time);
}
