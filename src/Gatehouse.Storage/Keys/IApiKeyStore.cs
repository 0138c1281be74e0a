namespace Gatehouse.Storage.Keys;

/// <summary>Persists API keys (hashes only) for CI jobs and service accounts.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key; returns false when the name is already taken.</summary>
    Task<bool> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken) => CreateAsync(key, null, cancellationToken);

    /// <summary>
    /// Stores a new key and, atomically where the store allows, its <c>key.created</c> audit entry naming
    /// <paramref name="by"/> (who created it; null when unknown); returns false when the name is already taken.
    /// </summary>
    Task<bool> CreateAsync(ApiKeyRecord key, string? by, CancellationToken cancellationToken);

    /// <summary>Finds a key by id, revoked and expired ones included.</summary>
    Task<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Lists every key, newest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes the key with this id or name; returns false when there is none or it was already revoked.</summary>
    Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        RevokeAsync(idOrName, revokedAt, null, cancellationToken);

    /// <summary>
    /// Revokes the key with this id or name and, atomically where the store allows, appends its <c>key.revoked</c>
    /// audit entry naming <paramref name="by"/> (who revoked it; null when unknown); returns false when there is none
    /// or it was already revoked.
    /// </summary>
    Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, string? by, CancellationToken cancellationToken);
}
