namespace Gatehouse.Storage.Approvals;

/// <summary>What the gateway knows when it holds an exchange: the input to <see cref="IApprovalStore.CreateAsync"/>.</summary>
public sealed record ApprovalDraft
{
    /// <summary>Gets the held exchange's id.</summary>
    public required string ExchangeId { get; init; }

    /// <summary>Gets the lowercase hex SHA-256 of the exact held content (see <see cref="ApprovalRequest.DigestOf"/>).</summary>
    public required string ContentDigest { get; init; }

    /// <summary>Gets who sent the exchange.</summary>
    public required Principal Requester { get; init; }

    /// <summary>Gets the connection the exchange goes through.</summary>
    public required string Connection { get; init; }

    /// <summary>Gets the name of the policy rule that asked for approval.</summary>
    public required string RuleName { get; init; }

    /// <summary>Gets who may review and how many reviews resolve.</summary>
    public required ReviewPolicy Reviewers { get; init; }

    /// <summary>Gets how long the request may stay pending; defaults to 15 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets how long an approval stays valid after it is granted; defaults to 1 hour.</summary>
    public TimeSpan Expiry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Gets what is held; defaults to the request.</summary>
    public HeldPart Hold { get; init; } = HeldPart.Request;

    /// <summary>Gets the requester's justification; may be empty.</summary>
    public string Justification { get; init; } = string.Empty;
}
