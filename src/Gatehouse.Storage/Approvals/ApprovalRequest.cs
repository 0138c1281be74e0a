using System.Security.Cryptography;

namespace Gatehouse.Storage.Approvals;

/// <summary>A held exchange waiting for, or resolved by, reviewers.</summary>
/// <remarks>
/// An approval is bound to the digest of the exact held content and to the requester's principal key: a changed body, or
/// the same body from someone else, needs its own approval. <see cref="Version"/> grows with every stored change and
/// guards the conditional update that keeps concurrent reviews from overwriting each other.
/// </remarks>
public sealed record ApprovalRequest : IReviewable
{
    /// <summary>Gets the id, <c>apr_</c> followed by a time-ordered GUID.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the held exchange's id.</summary>
    public required string ExchangeId { get; init; }

    /// <summary>Gets the lowercase hex SHA-256 of the held content.</summary>
    public required string ContentDigest { get; init; }

    /// <inheritdoc />
    public required Principal Requester { get; init; }

    /// <inheritdoc />
    public required string Connection { get; init; }

    /// <summary>Gets the name of the rule that asked for approval.</summary>
    public required string RuleName { get; init; }

    /// <inheritdoc />
    public required ReviewPolicy Reviewers { get; init; }

    /// <inheritdoc />
    public required TimeSpan Timeout { get; init; }

    /// <summary>Gets how long the approval stays valid once granted.</summary>
    public required TimeSpan Expiry { get; init; }

    /// <summary>Gets what is held.</summary>
    public required HeldPart Hold { get; init; }

    /// <summary>Gets the requester's justification.</summary>
    public string Justification { get; init; } = string.Empty;

    /// <inheritdoc />
    public required DateTimeOffset CreatedAt { get; init; }

    /// <inheritdoc />
    public ReviewState State { get; init; } = ReviewState.Pending;

    /// <inheritdoc />
    public IReadOnlyList<Review> Reviews { get; init; } = [];

    /// <summary>Gets when it was approved, rejected or timed out; null while pending.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Gets the stored version, 1 when created.</summary>
    public long Version { get; init; } = 1;

    /// <summary>Gets when the approval stops being valid; null unless approved.</summary>
    public DateTimeOffset? ExpiresAt => State == ReviewState.Approved ? ResolvedAt + Expiry : null;

    /// <inheritdoc />
    ReviewTarget IReviewable.Target => ReviewTarget.Approval;

    /// <summary>Computes the digest an approval is bound to: lowercase hex SHA-256 of <paramref name="content"/>.</summary>
    public static string DigestOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Opens a pending request from <paramref name="draft"/> at <paramref name="now"/>.</summary>
    public static ApprovalRequest Open(ApprovalDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new ApprovalRequest
        {
            Id = "apr_" + Guid.CreateVersion7(now).ToString("N"),
            ExchangeId = draft.ExchangeId,
            ContentDigest = draft.ContentDigest,
            Requester = draft.Requester,
            Connection = draft.Connection,
            RuleName = draft.RuleName,
            Reviewers = draft.Reviewers,
            Timeout = draft.Timeout,
            Expiry = draft.Expiry,
            Hold = draft.Hold,
            Justification = draft.Justification,
            CreatedAt = now,
        };
    }

    /// <summary>Gets whether this approval lets <paramref name="requester"/> (a principal key) send content with <paramref name="digest"/> at <paramref name="now"/>.</summary>
    public bool IsValidFor(string digest, string requester, DateTimeOffset now) =>
        State == ReviewState.Approved
        && string.Equals(ContentDigest, digest, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Requester.Id, requester, StringComparison.Ordinal)
        && now < ExpiresAt;

    /// <summary>Gets this request as seen at <paramref name="now"/>: timed out when pending past its timeout.</summary>
    public ApprovalRequest AsOf(DateTimeOffset now) =>
        ReviewProcess.IsOverdue(this, now) ? Apply(ReviewProcess.TimeOut(this, now)) : this;

    /// <summary>Returns this request with <paramref name="transition"/> applied and the version moved on.</summary>
    public ApprovalRequest Apply(ReviewTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return transition.Changed
            ? this with { State = transition.State, Reviews = transition.Reviews, ResolvedAt = transition.ResolvedAt, Version = Version + 1 }
            : this;
    }
}
