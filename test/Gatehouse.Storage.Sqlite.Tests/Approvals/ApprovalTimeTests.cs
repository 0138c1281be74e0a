using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Sqlite.Approvals;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Sqlite.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Approvals;

public sealed class ApprovalTimeTests : IAsyncLifetime
{
    private const string Body = "edit src/auth/login.cs";

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Start);
    private SqliteStore _store = null!;
    private SqliteApprovalStore _approvals = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Digest => ApprovalRequest.DigestOf(System.Text.Encoding.UTF8.GetBytes(Body));

    public ValueTask InitializeAsync()
    {
        _store = _database.Open();
        _approvals = new SqliteApprovalStore(_store, _time);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Get_PendingPastTimeout_ReadsTimedOutAtTheDeadline()
    {
        var id = (await _approvals.CreateAsync(Draft(Body) with { Timeout = TimeSpan.FromMinutes(15) }, Token)).Value!.Id;

        _time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1));
        Assert.Equal(ReviewState.Pending, (await _approvals.GetAsync(id, Token))!.State);
        _time.Advance(TimeSpan.FromMinutes(5));
        var read = await _approvals.GetAsync(id, Token);

        Assert.Equal(ReviewState.TimedOut, read!.State);
        Assert.Equal(Start.AddMinutes(15), read.ResolvedAt);
        Assert.Equal([id], (await _approvals.ListAsync(ReviewState.TimedOut, Token)).Select(r => r.Id));
    }

    [Fact]
    public async Task Sweep_PendingPastTimeout_StoresTimeoutOnceWithEvent()
    {
        var overdue = (await _approvals.CreateAsync(Draft(Body) with { Timeout = TimeSpan.FromMinutes(5) }, Token)).Value!.Id;
        var fresh = (await _approvals.CreateAsync(Draft(Body) with { Timeout = TimeSpan.FromHours(1) }, Token)).Value!.Id;
        _time.Advance(TimeSpan.FromMinutes(10));

        var events = await _approvals.SweepAsync(Token);
        var again = await _approvals.SweepAsync(Token);

        var timedOut = Assert.Single(events);
        Assert.Equal(("approval.timed_out", overdue, Start.AddMinutes(5)), (timedOut.Name, timedOut.Id, timedOut.At));
        Assert.Empty(again);
        using var raw = _database.OpenRaw();
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT group_concat(state, ',') FROM (SELECT state FROM approvals ORDER BY deadline_ticks)";
        Assert.Equal("timed_out,pending", command.ExecuteScalar());
        Assert.Equal(ReviewState.Pending, (await _approvals.GetAsync(fresh, Token))!.State);
    }

    [Fact]
    public async Task Review_PastTimeout_RefusedAsExpiredAndStoresTheTimeout()
    {
        var id = (await _approvals.CreateAsync(Draft(Body), Token)).Value!.Id;
        _time.Advance(TimeSpan.FromMinutes(16));

        var late = await _approvals.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token);

        Assert.Equal("expired", late.Error!.Value.Code());
        Assert.Equal(["approval.timed_out"], late.Events.Select(e => e.Name));
        Assert.Equal(ReviewState.TimedOut, late.Value!.State);
        Assert.Empty(await _approvals.SweepAsync(Token));
        Assert.Null(await _approvals.FindValidApprovalAsync(Digest, "alice", Token));
    }

    [Fact]
    public async Task FindValidApproval_BoundToDigestAndRequester()
    {
        var id = await ApproveAsync();

        Assert.Equal(id, (await _approvals.FindValidApprovalAsync(Digest, "alice", Token))!.Id);
        Assert.Equal(id, (await _approvals.FindValidApprovalAsync(Digest.ToUpperInvariant(), "alice", Token))!.Id);
        var changed = ApprovalRequest.DigestOf(System.Text.Encoding.UTF8.GetBytes(Body + " "));
        Assert.Null(await _approvals.FindValidApprovalAsync(changed, "alice", Token));
        Assert.Null(await _approvals.FindValidApprovalAsync(Digest, "dave", Token));
    }

    [Fact]
    public async Task FindValidApproval_PendingOrRejected_ReturnsNothing()
    {
        var pending = (await _approvals.CreateAsync(Draft(Body), Token)).Value!.Id;
        Assert.Null(await _approvals.FindValidApprovalAsync(Digest, "alice", Token));

        await _approvals.ReviewAsync(pending, Bob, ReviewDecision.Reject, "no", Token);

        Assert.Null(await _approvals.FindValidApprovalAsync(Digest, "alice", Token));
    }

    [Fact]
    public async Task FindValidApproval_ExpiresAfterExpiry()
    {
        await ApproveAsync(expiry: TimeSpan.FromHours(1));

        _time.Advance(TimeSpan.FromMinutes(59));
        var before = await _approvals.FindValidApprovalAsync(Digest, "alice", Token);
        _time.Advance(TimeSpan.FromMinutes(1));
        var after = await _approvals.FindValidApprovalAsync(Digest, "alice", Token);

        Assert.Equal(Start.AddMinutes(2).AddHours(1), before!.ExpiresAt);
        Assert.Null(after);
    }

    private async Task<string> ApproveAsync(TimeSpan? expiry = null)
    {
        var draft = Draft(Body) with { Expiry = expiry ?? TimeSpan.FromHours(1) };
        var id = (await _approvals.CreateAsync(draft, Token)).Value!.Id;
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await _approvals.ReviewAsync(id, Bob, ReviewDecision.Approve, "ok", Token)).Succeeded);
        return id;
    }
}
