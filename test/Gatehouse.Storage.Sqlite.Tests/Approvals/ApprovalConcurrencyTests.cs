using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Sqlite.Approvals;
using Gatehouse.Storage.Sqlite.Tests.Support;
using static Gatehouse.Storage.Sqlite.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Approvals;

/// <summary>Two stores on one file stand for two gateway instances: each has its own writer connection.</summary>
public sealed class ApprovalConcurrencyTests : TwoInstances
{
    [Fact]
    public async Task Review_TwoInstancesAtOnceNeedingTwo_KeepsBothReviewsAndResolvesOnce()
    {
        var one = new SqliteApprovalStore(First, TimeProvider.System);
        var two = new SqliteApprovalStore(Second, TimeProvider.System);
        for (var round = 0; round < 20; round++)
        {
            var id = (await one.CreateAsync(Draft(reviewers: Reviewers(approvals: 2)), Token)).Value!.Id;

            var results = await Task.WhenAll(
                Task.Run(() => one.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token), Token),
                Task.Run(() => two.ReviewAsync(id, Carol, ReviewDecision.Approve, null, Token), Token));

            Assert.All(results, r => Assert.True(r.Succeeded));
            Assert.Single(results, r => r.Events.Any(e => e.Kind == ReviewEventKind.Approved));
            var stored = await two.GetAsync(id, Token);
            Assert.Equal(ReviewState.Approved, stored!.State);
            Assert.Equal(["bob", "carol"], stored.Reviews.Select(r => r.Reviewer).Order(StringComparer.Ordinal));
            Assert.Equal(3, stored.Version);
        }
    }

    [Fact]
    public async Task Review_TwoInstancesOpposedNeedingOne_ExactlyOneWinsTheOtherSeesResolved()
    {
        var one = new SqliteApprovalStore(First, TimeProvider.System);
        var two = new SqliteApprovalStore(Second, TimeProvider.System);
        for (var round = 0; round < 20; round++)
        {
            var id = (await one.CreateAsync(Draft(), Token)).Value!.Id;

            var results = await Task.WhenAll(
                Task.Run(() => one.ReviewAsync(id, Bob, ReviewDecision.Approve, null, Token), Token),
                Task.Run(() => two.ReviewAsync(id, Carol, ReviewDecision.Reject, null, Token), Token));

            var winner = Assert.Single(results, r => r.Succeeded);
            Assert.Equal(ReviewError.AlreadyResolved, Assert.Single(results, r => !r.Succeeded).Error);
            var stored = await one.GetAsync(id, Token);
            Assert.Equal(winner.Value!.State, stored!.State);
            Assert.Equal(winner.Value.Reviews, stored.Reviews);
        }
    }
}
