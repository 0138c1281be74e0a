namespace Gatehouse.Storage.Agents;

/// <summary>A stored agent enrollment token: the agent name it enrolls and the hash of its secret, never the secret.</summary>
public sealed record AgentTokenRecord
{
    /// <summary>Gets the token id, the public part embedded in the token text.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the name of the agent the token enrolls (for example <c>dc1</c>); several tokens may share one.</summary>
    public required string AgentName { get; init; }

    /// <summary>Gets the SHA-256 hash of the token's secret part.</summary>
    public required byte[] SecretHash { get; init; }

    /// <summary>Gets when the token was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the token stops working, or null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets when the token was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Returns whether the token admits an agent at <paramref name="now"/>: neither revoked nor expired.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || expires > now);
}
