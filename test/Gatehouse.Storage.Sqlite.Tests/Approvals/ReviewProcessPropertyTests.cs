using CsCheck;
using Gatehouse.Storage.Approvals;
using Gatehouse.Testing;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Approvals;

/// <summary>The review rules over any sequence of reviews, without a database.</summary>
public sealed class ReviewProcessPropertyTests
{
    // 0 is the requester, 1 is outside the reviewer groups, the rest are reviewers.
    private static readonly Principal[] Cast =
        [Alice, Dave, Bob, Carol, Erin, new() { Subject = "frank", Groups = ["security"] }];

    [Fact]
    public void Review_AnySequence_ResolvesAtMostOnceByTheCountsAndNeverChangesAfter()
    {
        var reviews = Gen.Select(Gen.Int[0, Cast.Length - 1], Gen.Bool).Array[0, 12];
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 3], reviews).ForAll((needed, threshold, sequence) =>
        {
            var request = ApprovalRequest.Open(Draft(reviewers: Reviewers(needed, threshold)), Start);
            foreach (var (who, approve) in sequence)
            {
                var before = request;
                var transition = ReviewProcess.Review(before, Cast[who], approve ? ReviewDecision.Approve : ReviewDecision.Reject, null, Start);
                request = before.Apply(transition);

                Assert.Equal(transition.Error is null, transition.Changed);
                if (before.State != ReviewState.Pending)
                {
                    Assert.Equal((ReviewError.AlreadyResolved, before), (transition.Error!.Value, request));
                    continue;
                }

                if (transition.Error is null)
                {
                    Assert.True(who >= 2);
                    Assert.Equal(before.Reviews.Count + 1, request.Reviews.Count);
                }

                var approvals = request.Reviews.Count(r => r.Decision == ReviewDecision.Approve);
                var rejections = request.Reviews.Count(r => r.Decision == ReviewDecision.Reject);
                var expected = rejections >= threshold ? ReviewState.Rejected
                    : approvals >= needed ? ReviewState.Approved
                    : ReviewState.Pending;
                Assert.Equal(expected, request.State);
                Assert.Equal(request.Reviews.Count, request.Reviews.Select(r => r.Reviewer).Distinct(StringComparer.Ordinal).Count());
            }
        });
    }
}
