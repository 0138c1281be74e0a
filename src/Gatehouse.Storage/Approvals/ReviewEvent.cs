namespace Gatehouse.Storage.Approvals;

/// <summary>One state change of an approval or grant, returned to the caller so that it writes it to the audit.</summary>
/// <remarks>The store never writes the audit itself: the gateway owns the audit writer and its fail-closed rules.</remarks>
public sealed record ReviewEvent
{
    /// <summary>Gets what changed.</summary>
    public required ReviewEventKind Kind { get; init; }

    /// <summary>Gets whether this is about an approval or a grant.</summary>
    public required ReviewTarget Target { get; init; }

    /// <summary>Gets the approval or grant id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the held exchange's id; null for grants.</summary>
    public string? ExchangeId { get; init; }

    /// <summary>Gets the connection the request is about.</summary>
    public required string Connection { get; init; }

    /// <summary>Gets the requester's subject.</summary>
    public required string Requester { get; init; }

    /// <summary>Gets the requester's principal key (see <see cref="Principal.Id"/>).</summary>
    public string? RequesterKey { get; init; }

    /// <summary>Gets the reviewer's (revoker's, or the withdrawing requester's) subject, when a person caused the change.</summary>
    public string? Reviewer { get; init; }

    /// <summary>Gets the reviewer's (or revoker's) principal key, when a person caused the change.</summary>
    public string? ReviewerKey { get; init; }

    /// <summary>Gets the reviewer's decision, for <see cref="ReviewEventKind.Reviewed"/>.</summary>
    public ReviewDecision? Decision { get; init; }

    /// <summary>Gets when the change was recorded.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets the dotted audit kind, for example <c>approval.timed_out</c> or <c>grant.revoked</c>.</summary>
    public string Name => $"{(Target == ReviewTarget.Approval ? "approval" : "grant")}.{ReviewNames.Event(Kind)}";
}
