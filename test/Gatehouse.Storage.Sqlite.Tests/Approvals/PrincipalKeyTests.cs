using Gatehouse.Storage.Approvals;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Approvals;

/// <summary>Who is the same person: issuer and subject, a key's owner, a verified e-mail; never a bare subject across issuers.</summary>
public sealed class PrincipalKeyTests
{
    private static readonly Principal KaiAtA = Token("https://a.example.com", "kai", "kai@example.com", "dev", "leads");
    private static readonly Principal KaiAtB = Token("https://b.example.com", "kai", null, "leads");
    private static readonly Principal KaisKeyByEmail = new() { Subject = "apikey:kai-bot", Key = "email:kai@example.com", Groups = ["leads"] };
    private static readonly Principal KaisKeyByToken = new() { Subject = "apikey:kai-ci", Key = "https://a.example.com#kai", Groups = ["leads"] };
    private static readonly Principal Lee = Token("https://a.example.com", "lee", "lee@example.com", "leads");

    [Fact]
    public void SameSubject_FromTwoIssuers_IsTwoPeople()
        => Assert.False(KaiAtA.IsSamePerson(KaiAtB));

    [Theory]
    [MemberData(nameof(KaisKeys))]
    public void KeyOwnedByKai_IsKai(Principal key)
    {
        Assert.True(key.IsSamePerson(KaiAtA));
        Assert.True(KaiAtA.IsSamePerson(key));
        Assert.False(key.IsSamePerson(KaiAtB));
    }

    [Theory]
    [MemberData(nameof(KaisKeys))]
    public void KaisOwnKey_CannotReviewWhatKaiAsked(Principal key)
    {
        var request = Request(KaiAtA, approvals: 1);

        Assert.Equal(ReviewError.SelfReview, ReviewProcess.Review(request, key, ReviewDecision.Approve, null, Start).Error);
    }

    [Theory]
    [MemberData(nameof(KaisKeys))]
    public void TokenAndOwnKey_CountOnce_InEitherOrder(Principal key)
    {
        var request = Request(Lee, approvals: 2);

        var byToken = request.Apply(ReviewProcess.Review(request, KaiAtA, ReviewDecision.Approve, null, Start));
        var byKey = request.Apply(ReviewProcess.Review(request, key, ReviewDecision.Approve, null, Start));

        Assert.Equal(ReviewError.AlreadyReviewed, ReviewProcess.Review(byToken, key, ReviewDecision.Approve, null, Start).Error);
        Assert.Equal(ReviewError.AlreadyReviewed, ReviewProcess.Review(byKey, KaiAtA, ReviewDecision.Approve, null, Start).Error);
    }

    [Fact]
    public void SameSubjectFromAnotherIssuer_IsNotRefusedAsSelfReview_AndCountsAsAnotherReviewer()
    {
        var request = Request(KaiAtA, approvals: 1);

        var transition = ReviewProcess.Review(request, KaiAtB, ReviewDecision.Approve, null, Start);

        Assert.Null(transition.Error);
        Assert.Equal("https://b.example.com#kai", Assert.Single(transition.Reviews).Reviewer);
    }

    [Fact]
    public void ApprovalBoundToKai_IsNotValidForKaiAtAnotherIssuer()
    {
        var approved = Request(KaiAtA, approvals: 1);
        approved = approved.Apply(ReviewProcess.Review(approved, Lee, ReviewDecision.Approve, null, Start));

        Assert.True(approved.IsValidFor(approved.ContentDigest, KaiAtA.Id, Start));
        Assert.False(approved.IsValidFor(approved.ContentDigest, KaiAtB.Id, Start));
        Assert.False(approved.IsValidFor(approved.ContentDigest, "kai", Start));
    }

    public static TheoryData<Principal> KaisKeys() => [KaisKeyByEmail, KaisKeyByToken];

    private static Principal Token(string issuer, string subject, string? verifiedEmail, params string[] groups)
        => new() { Subject = subject, Key = Principal.OidcKey(issuer, subject), Email = verifiedEmail, Groups = groups };

    private static ApprovalRequest Request(Principal requester, int approvals)
        => ApprovalRequest.Open(Draft(requester: requester, reviewers: new ReviewPolicy { ReviewerGroups = ["leads"], ApprovalsNeeded = approvals }), Start);
}
