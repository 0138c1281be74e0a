using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Tests.Approvals;

/// <summary><see cref="ReviewNames"/> is the one table of review state and decision names (store, APIs, audit, webhooks).</summary>
public sealed class ReviewNamesTests
{
    [Fact]
    public void EveryState_RoundTripsThroughItsName_AndIsListed()
    {
        foreach (var state in Enum.GetValues<ReviewState>())
        {
            var name = ReviewNames.State(state);
            Assert.True(ReviewNames.TryParseState(name, out var read), name);
            Assert.Equal(state, read);
        }

        Assert.Equal(["pending", "approved", "rejected", "timed_out", "cancelled"], ReviewNames.States);
        Assert.False(ReviewNames.TryParseState("Approved", out _));
        Assert.False(ReviewNames.TryParseState("all", out _));
    }

    [Fact]
    public void EveryDecision_RoundTripsThroughItsName()
    {
        foreach (var decision in Enum.GetValues<ReviewDecision>())
        {
            Assert.True(ReviewNames.TryParseDecision(ReviewNames.Decision(decision), out var read));
            Assert.Equal(decision, read);
        }

        Assert.Equal("approve", ReviewNames.Decision(ReviewDecision.Approve));
        Assert.False(ReviewNames.TryParseDecision("Approve", out _));
        Assert.False(ReviewNames.TryParseDecision("cancel", out _));
    }
}
