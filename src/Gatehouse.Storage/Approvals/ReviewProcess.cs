namespace Gatehouse.Storage.Approvals;

/// <summary>The review rules, in one place, for every store: who may review, when a request resolves, when it times out.</summary>
/// <remarks>
/// Checks run in a fixed order so that an error is stable: a resolved request answers <c>already_resolved</c> to anyone;
/// an overdue one times out (and says <c>expired</c>); then the requester is refused as <c>self_review</c> even when
/// they belong to a reviewer group; then membership; then one review per reviewer. Stores call this inside the
/// transaction that writes its result, guarded by a version check, so two reviewers never both resolve.
/// </remarks>
public static class ReviewProcess
{
    /// <summary>Gets when a pending request times out.</summary>
    public static DateTimeOffset DeadlineOf(IReviewable item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.CreatedAt + item.Timeout;
    }

    /// <summary>Gets whether <paramref name="item"/> is pending past its timeout at <paramref name="now"/>.</summary>
    public static bool IsOverdue(IReviewable item, DateTimeOffset now) =>
        item is { State: ReviewState.Pending } && now >= DeadlineOf(item);

    /// <summary>Gets the event that records the opening of <paramref name="item"/>.</summary>
    public static ReviewEvent Opened(IReviewable item) => Event(item, ReviewEventKind.Requested, item.CreatedAt);

    /// <summary>Applies one reviewer's decision.</summary>
    public static ReviewTransition Review(
        IReviewable item, Principal reviewer, ReviewDecision decision, string? justification, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(reviewer);
        if (item.State != ReviewState.Pending)
        {
            return Refuse(item, ReviewError.AlreadyResolved);
        }

        if (IsOverdue(item, now))
        {
            return TimeOut(item, now) with { Error = ReviewError.Expired };
        }

        if (reviewer.IsSamePerson(item.Requester))
        {
            return Refuse(item, ReviewError.SelfReview);
        }

        if (!item.Reviewers.Admits(reviewer))
        {
            return Refuse(item, ReviewError.NotAReviewer);
        }

        if (item.Reviews.Any(r => r.IsBy(reviewer)))
        {
            return Refuse(item, ReviewError.AlreadyReviewed);
        }

        var review = new Review(reviewer.Id, decision, justification ?? string.Empty, now)
        {
            ReviewerName = reviewer.Subject,
            ReviewerEmail = reviewer.Email,
        };
        Review[] reviews = [.. item.Reviews, review];
        var state = Resolve(item.Reviewers, reviews);
        var reviewed = Event(item, ReviewEventKind.Reviewed, now) with { Reviewer = reviewer.Subject, ReviewerKey = reviewer.Id, Decision = decision };
        ReviewEvent[] events = state == ReviewState.Pending
            ? [reviewed]
            : [reviewed, Event(item, state == ReviewState.Approved ? ReviewEventKind.Approved : ReviewEventKind.Rejected, now)];
        return new ReviewTransition(null, state, reviews, state == ReviewState.Pending ? null : now, events);
    }

    /// <summary>Withdraws a pending request on its requester's word (any of their identities); nobody else may.</summary>
    /// <remarks>
    /// Checks run in the order of <see cref="Review"/>: a resolved request answers <c>already_resolved</c>, an overdue
    /// one times out (<c>expired</c>), then anyone but the requester is refused as <c>not_requester</c>, reviewers included.
    /// </remarks>
    public static ReviewTransition Cancel(IReviewable item, Principal requester, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(requester);
        if (item.State != ReviewState.Pending)
        {
            return Refuse(item, ReviewError.AlreadyResolved);
        }

        if (IsOverdue(item, now))
        {
            return TimeOut(item, now) with { Error = ReviewError.Expired };
        }

        if (!requester.IsSamePerson(item.Requester))
        {
            return Refuse(item, ReviewError.NotRequester);
        }

        var cancelled = Event(item, ReviewEventKind.Cancelled, now) with { Reviewer = requester.Subject, ReviewerKey = requester.Id };
        return new ReviewTransition(null, ReviewState.Cancelled, item.Reviews, now, [cancelled]);
    }

    /// <summary>Times out an overdue request; the resolution time is its deadline, whenever the timeout is noticed.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="item"/> is not overdue at <paramref name="now"/>.</exception>
    public static ReviewTransition TimeOut(IReviewable item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!IsOverdue(item, now))
        {
            throw new InvalidOperationException("Only a pending request past its timeout can time out.");
        }

        var deadline = DeadlineOf(item);
        return new ReviewTransition(null, ReviewState.TimedOut, item.Reviews, deadline, [Event(item, ReviewEventKind.TimedOut, deadline)]);
    }

    /// <summary>Builds an event about <paramref name="item"/>.</summary>
    public static ReviewEvent Event(IReviewable item, ReviewEventKind kind, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ReviewEvent
        {
            Kind = kind,
            Target = item.Target,
            Id = item.Id,
            ExchangeId = item.ExchangeId,
            Connection = item.Connection,
            Requester = item.Requester.Subject,
            RequesterKey = item.Requester.Id,
            At = at,
        };
    }

    private static ReviewState Resolve(ReviewPolicy policy, IReadOnlyList<Review> reviews)
    {
        if (reviews.Count(r => r.Decision == ReviewDecision.Reject) >= policy.DenyThreshold)
        {
            return ReviewState.Rejected;
        }

        return reviews.Count(r => r.Decision == ReviewDecision.Approve) >= policy.ApprovalsNeeded
            ? ReviewState.Approved
            : ReviewState.Pending;
    }

    private static ReviewTransition Refuse(IReviewable item, ReviewError error) =>
        new(error, item.State, item.Reviews, null, []);
}
