namespace Gatehouse.Storage.Keys;

/// <summary>Persists API keys (hashes only) for CI jobs and service accounts.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key; returns false when the name is already taken.</summary>
    Task<bool> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>Finds a key by id, revoked and expired ones included.</summary>
    Task<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Lists every key, newest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes the key with this id or name; returns false when there is none or it was already revoked.</summary>
    Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
