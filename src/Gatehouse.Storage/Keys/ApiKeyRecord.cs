namespace Gatehouse.Storage.Keys;

/// <summary>A stored API key: its metadata and the hash of its secret, never the secret itself.</summary>
public sealed record ApiKeyRecord
{
    /// <summary>Gets the key id, the public part embedded in the key text.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the unique, human-chosen name (for example <c>ci-bot</c>).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Gets the principal key of the person the key acts for: <c>{issuer}#{sub}</c>, or <c>email:{address}</c>. Null only
    /// for keys stored before owners existed, which act as their own principal.
    /// </summary>
    /// <remarks>Self-review, review counting and the audit scope treat the key as its owner.</remarks>
    public string? Owner { get; init; }

    /// <summary>Gets the groups a caller using this key holds.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Gets the SHA-256 hash of the key's secret part.</summary>
    public required byte[] SecretHash { get; init; }

    /// <summary>Gets when the key was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the key stops working, or null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets when the key was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}
