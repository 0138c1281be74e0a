namespace Gatehouse.Storage.Approvals;

/// <summary>Maps <see cref="ReviewError"/> to the stable codes the API and CLI print.</summary>
public static class ReviewErrors
{
    /// <summary>Gets the snake_case code of <paramref name="error"/>, for example <c>self_review</c>.</summary>
    public static string Code(this ReviewError error) => error switch
    {
        ReviewError.NotFound => "not_found",
        ReviewError.NotAReviewer => "not_a_reviewer",
        ReviewError.SelfReview => "self_review",
        ReviewError.AlreadyReviewed => "already_reviewed",
        ReviewError.AlreadyResolved => "already_resolved",
        ReviewError.Expired => "expired",
        ReviewError.NotActive => "not_active",
        ReviewError.NotRequester => "not_requester",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };
}
