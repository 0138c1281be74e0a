using Gatehouse.Control.Reviews;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;

namespace Gatehouse.Gateway.Tests.Access;

public sealed class GrantViewTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Principal Alice = new() { Subject = "alice", Groups = ["dev"] };

    private static readonly Principal Bob = new() { Subject = "bob", Groups = ["leads"] };

    [Theory]
    [InlineData(0, "pending")]
    [InlineData(15, "timed_out")]
    public void StateOf_Pending_IsPendingUntilItsTimeout(int minutes, string expected)
        => Assert.Equal(expected, GrantView.StateOf(Open().AsOf(Start.AddMinutes(minutes)), Start.AddMinutes(minutes)));

    [Fact]
    public void StateOf_Approved_IsActiveUntilItsEndThenExpired_OrRevoked()
    {
        var pending = Open();
        var approved = pending.Apply(ReviewProcess.Review(pending, Bob, ReviewDecision.Approve, "ok", Start));
        var revoked = approved.Revoke(Alice, Start.AddMinutes(10)).Value!;

        Assert.Equal("active", GrantView.StateOf(approved, Start.AddHours(2) - TimeSpan.FromTicks(1)));
        Assert.Equal("expired", GrantView.StateOf(approved, Start.AddHours(2)));
        Assert.Equal("revoked", GrantView.StateOf(revoked, Start.AddMinutes(10)));
        Assert.Equal(("2h", "approve by bob"), (GrantView.Of(approved, Start).Duration, $"{GrantView.Of(approved, Start).Reviews[0].Decision} by bob"));
    }

    [Fact]
    public void StateOf_Rejected_IsRejected()
    {
        var pending = Open();
        var rejected = pending.Apply(ReviewProcess.Review(pending, Bob, ReviewDecision.Reject, "no", Start));

        Assert.Equal("rejected", GrantView.StateOf(rejected, Start));
        Assert.Null(rejected.EndsAt);
    }

    private static AccessGrant Open() => AccessGrant.Open(
        new GrantDraft { Requester = Alice, Connection = "prod", Duration = TimeSpan.FromHours(2), Reason = "incident", Reviewers = new ReviewPolicy { ReviewerGroups = ["leads"] } },
        Start);
}
