namespace Gatehouse.Storage.Approvals;

/// <summary>Why a review or revocation was refused; <see cref="ReviewErrors.Code"/> gives the stable wire code.</summary>
public enum ReviewError
{
    /// <summary>No request has this id (<c>not_found</c>).</summary>
    NotFound,

    /// <summary>The reviewer is in none of the reviewer groups or users (<c>not_a_reviewer</c>).</summary>
    NotAReviewer,

    /// <summary>The reviewer is the requester (<c>self_review</c>).</summary>
    SelfReview,

    /// <summary>The reviewer already reviewed this request (<c>already_reviewed</c>).</summary>
    AlreadyReviewed,

    /// <summary>The request was already approved, rejected or timed out (<c>already_resolved</c>).</summary>
    AlreadyResolved,

    /// <summary>The request's timeout passed before this review; it is now timed out (<c>expired</c>).</summary>
    Expired,

    /// <summary>The grant is not active, so it cannot be revoked (<c>not_active</c>).</summary>
    NotActive,

    /// <summary>Only the requester may withdraw a request (<c>not_requester</c>).</summary>
    NotRequester,
}
