using Gatehouse.Storage.Approvals;

namespace Gatehouse.Storage.Grants;

/// <summary>A request for just-in-time access to one connection: the input to <see cref="IGrantStore.RequestAsync"/>.</summary>
public sealed record GrantDraft
{
    /// <summary>Gets who asks.</summary>
    public required Principal Requester { get; init; }

    /// <summary>Gets the connection asked for.</summary>
    public required string Connection { get; init; }

    /// <summary>Gets how long the access lasts once approved.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Gets why, in the requester's words.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets who may review and how many reviews resolve.</summary>
    public required ReviewPolicy Reviewers { get; init; }

    /// <summary>Gets how long the request may stay pending; defaults to 15 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);
}
