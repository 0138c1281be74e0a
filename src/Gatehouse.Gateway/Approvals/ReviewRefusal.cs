using Gatehouse.Storage.Approvals;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Approvals;

/// <summary>The HTTP status and the message a person reads when a review of an approval request is refused.</summary>
internal static class ReviewRefusal
{
    public static (int Status, string Detail) Of(ReviewError error, string id) => error switch
    {
        ReviewError.NotFound => (StatusCodes.Status404NotFound, $"There is no approval request '{id}'."),
        ReviewError.NotAReviewer => (StatusCodes.Status403Forbidden, "You are not one of this request's reviewers."),
        ReviewError.SelfReview => (StatusCodes.Status403Forbidden, "You cannot review your own request."),
        ReviewError.AlreadyReviewed => (StatusCodes.Status409Conflict, "You have already reviewed this request."),
        ReviewError.AlreadyResolved => (StatusCodes.Status409Conflict, "This request is already resolved."),
        ReviewError.NotRequester => (StatusCodes.Status403Forbidden, "Only the person who asked can withdraw this request."),
        _ => (StatusCodes.Status409Conflict, "This request can no longer be reviewed."),
    };
}
