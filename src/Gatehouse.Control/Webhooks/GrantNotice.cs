namespace Gatehouse.Control.Webhooks;

/// <summary>
/// A just-in-time access request opened or resolved, as webhooks tell it: who asks for which connection, for how long
/// and why, and who decided.
/// </summary>
/// <remarks>No credential and no exchange content exists in an access request; the reason is the requester's own words, which reviewers decide on.</remarks>
internal sealed record GrantNotice(string Event, DateTimeOffset At) : Notice(Event, At)
{
    public required string GrantId { get; init; }

    /// <summary>Gets <c>pending</c>, <c>approved</c>, <c>rejected</c>, <c>timed_out</c>, <c>cancelled</c> or <c>revoked</c>.</summary>
    public required string State { get; init; }

    public required string Requester { get; init; }

    public required string Connection { get; init; }

    /// <summary>Gets how long the access lasts once approved, as the API writes it (<c>2h</c>); null when the store could not be read.</summary>
    public string? Duration { get; init; }

    /// <summary>Gets the requester's reason.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets when approved access ends; null unless approved.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Gets who decided, revoked or withdrew it; null while pending or when it timed out.</summary>
    public string? Reviewer { get; init; }

    public string? ReviewJustification { get; init; }
}
