namespace Gatehouse.Storage.Approvals;

/// <summary>What <see cref="ReviewProcess"/> needs to know of an approval or a grant to apply the review rules.</summary>
public interface IReviewable
{
    /// <summary>Gets the id.</summary>
    string Id { get; }

    /// <summary>Gets whether this is an approval or a grant.</summary>
    ReviewTarget Target { get; }

    /// <summary>Gets the held exchange's id, or null.</summary>
    string? ExchangeId { get; }

    /// <summary>Gets the connection.</summary>
    string Connection { get; }

    /// <summary>Gets who asked.</summary>
    Principal Requester { get; }

    /// <summary>Gets who may review and how many reviews resolve.</summary>
    ReviewPolicy Reviewers { get; }

    /// <summary>Gets the state as stored.</summary>
    ReviewState State { get; }

    /// <summary>Gets the reviews so far, oldest first.</summary>
    IReadOnlyList<Review> Reviews { get; }

    /// <summary>Gets when the request was opened.</summary>
    DateTimeOffset CreatedAt { get; }

    /// <summary>Gets how long it may stay pending.</summary>
    TimeSpan Timeout { get; }
}
