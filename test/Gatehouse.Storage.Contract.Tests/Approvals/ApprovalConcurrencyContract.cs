using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Contract.Tests.Providers;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>
/// Two stores on one database stand for two gateway instances (two writer connections, or two connection pools):
/// reviewers deciding at once through both never lose a review and never both resolve.
/// </summary>
public abstract class ApprovalConcurrencyContract : ProviderTest
{
    [Fact]
    public async Task Review_TwoInstancesAtOnceNeedingTwo_KeepsBothReviewsAndResolvesOnce()
    {
        var one = Provider.Approvals(await Provider.OpenAsync(Token), TimeProvider.System);
        var two = Provider.Approvals(await Provider.OpenAsync(Token), TimeProvider.System);
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
        var one = Provider.Approvals(await Provider.OpenAsync(Token), TimeProvider.System);
        var two = Provider.Approvals(await Provider.OpenAsync(Token), TimeProvider.System);
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
