namespace Gatehouse.Gateway.Access;

/// <summary>A grant's state change as the audit keeps it (entry kind <c>grant.*</c>).</summary>
/// <param name="Event">The entry kind, for example <c>grant.approved</c>.</param>
/// <param name="GrantId">The grant's id.</param>
/// <param name="Connection">The connection the access is for.</param>
/// <param name="Requester">Who asked.</param>
/// <param name="Actor">Who caused the change (requester, reviewer or revoker); null for a timeout.</param>
/// <param name="Decision">The reviewer's decision, on <c>grant.reviewed</c>.</param>
/// <param name="Text">The requester's reason on <c>grant.requested</c>, the reviewer's justification on <c>grant.reviewed</c>.</param>
/// <param name="Duration">The access asked for, such as <c>2h</c>.</param>
/// <param name="EndsAt">When the access ends, on <c>grant.approved</c>.</param>
/// <param name="At">When the change happened.</param>
internal sealed record AccessEventRecord(
    string Event,
    string GrantId,
    string Connection,
    string Requester,
    string? Actor,
    string? Decision,
    string? Text,
    string Duration,
    DateTimeOffset? EndsAt,
    DateTimeOffset At)
{
    /// <summary>Gets the requester's principal key (issuer and subject, or a key's owner).</summary>
    public string? RequesterKey { get; init; }

    /// <summary>Gets the principal key of whoever caused the change.</summary>
    public string? ActorKey { get; init; }
}
