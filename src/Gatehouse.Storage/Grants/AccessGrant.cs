using Gatehouse.Storage.Approvals;

namespace Gatehouse.Storage.Grants;

/// <summary>Time-bound access to one connection: requested, reviewed under the same rules as approvals, then active until it ends.</summary>
/// <remarks>An approved grant is active from its approval until approval + <see cref="Duration"/>, or until revoked.</remarks>
public sealed record AccessGrant : IReviewable
{
    /// <summary>Gets the id, <c>grt_</c> followed by a time-ordered GUID.</summary>
    public required string Id { get; init; }

    /// <inheritdoc />
    public required Principal Requester { get; init; }

    /// <inheritdoc />
    public required string Connection { get; init; }

    /// <summary>Gets how long the access lasts once approved.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Gets the requester's reason.</summary>
    public required string Reason { get; init; }

    /// <inheritdoc />
    public required ReviewPolicy Reviewers { get; init; }

    /// <inheritdoc />
    public required TimeSpan Timeout { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset CreatedAt { get; init; }

    /// <inheritdoc />
    public ReviewState State { get; init; } = ReviewState.Pending;

    /// <inheritdoc />
    public IReadOnlyList<Review> Reviews { get; init; } = [];

    /// <summary>Gets when it was approved, rejected or timed out; null while pending.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Gets when it was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Gets who revoked it, or null.</summary>
    public string? RevokedBy { get; init; }

    /// <summary>Gets the stored version, 1 when created.</summary>
    public long Version { get; init; } = 1;

    /// <summary>Gets when the access ends on its own; null unless approved.</summary>
    public DateTimeOffset? EndsAt => State == ReviewState.Approved ? ResolvedAt + Duration : null;

    /// <inheritdoc />
    ReviewTarget IReviewable.Target => ReviewTarget.Grant;

    /// <inheritdoc />
    string? IReviewable.ExchangeId => null;

    /// <summary>Opens a pending grant request from <paramref name="draft"/> at <paramref name="now"/>.</summary>
    public static AccessGrant Open(GrantDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new AccessGrant
        {
            Id = "grt_" + Guid.CreateVersion7(now).ToString("N"),
            Requester = draft.Requester,
            Connection = draft.Connection,
            Duration = draft.Duration,
            Reason = draft.Reason,
            Reviewers = draft.Reviewers,
            Timeout = draft.Timeout,
            CreatedAt = now,
        };
    }

    /// <summary>Gets whether the access is in force at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => State == ReviewState.Approved && RevokedAt is null && now < EndsAt;

    /// <summary>Gets this grant as seen at <paramref name="now"/>: timed out when pending past its timeout.</summary>
    public AccessGrant AsOf(DateTimeOffset now) =>
        ReviewProcess.IsOverdue(this, now) ? Apply(ReviewProcess.TimeOut(this, now)) : this;

    /// <summary>Returns this grant with <paramref name="transition"/> applied and the version moved on.</summary>
    public AccessGrant Apply(ReviewTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return transition.Changed
            ? this with { State = transition.State, Reviews = transition.Reviews, ResolvedAt = transition.ResolvedAt, Version = Version + 1 }
            : this;
    }

    /// <summary>Revokes an active grant; only its requester or one of its reviewers may.</summary>
    /// <remarks>Refuses with <see cref="ReviewError.NotAReviewer"/> for anyone else, <see cref="ReviewError.NotActive"/> when not active.</remarks>
    public ReviewResult<AccessGrant> Revoke(Principal revoker, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(revoker);
        if (!revoker.IsSamePerson(Requester) && !Reviewers.Admits(revoker))
        {
            return new ReviewResult<AccessGrant>(this, ReviewError.NotAReviewer, []);
        }

        if (!IsActive(now))
        {
            return new ReviewResult<AccessGrant>(this, ReviewError.NotActive, []);
        }

        var revoked = this with { RevokedAt = now, RevokedBy = revoker.Subject, Version = Version + 1 };
        var revokedEvent = ReviewProcess.Event(this, ReviewEventKind.Revoked, now) with { Reviewer = revoker.Subject, ReviewerKey = revoker.Id };
        return new ReviewResult<AccessGrant>(revoked, null, [revokedEvent]);
    }
}
