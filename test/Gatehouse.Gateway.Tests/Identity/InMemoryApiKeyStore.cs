using System.Collections.Concurrent;
using Gatehouse.Storage.Keys;

namespace Gatehouse.Gateway.Tests.Identity;

/// <summary>An <see cref="IApiKeyStore"/> kept in memory, for tests.</summary>
internal sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly ConcurrentDictionary<string, ApiKeyRecord> _keys = new(StringComparer.Ordinal);

    public Task<bool> CreateAsync(ApiKeyRecord key, string? by, CancellationToken cancellationToken) => CreateAsync(key, cancellationToken);

    public Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, string? by, CancellationToken cancellationToken) =>
        RevokeAsync(idOrName, revokedAt, cancellationToken);

    public Task<bool> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        lock (_keys)
        {
            return Task.FromResult(!_keys.Values.Any(k => k.Name == key.Name) && _keys.TryAdd(key.Id, key));
        }
    }

    public Task<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_keys.GetValueOrDefault(id));

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ApiKeyRecord>>([.. _keys.Values.OrderByDescending(k => k.CreatedAt)]);

    public Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        lock (_keys)
        {
            var key = _keys.Values.FirstOrDefault(k => (k.Id == idOrName || k.Name == idOrName) && k.RevokedAt is null);
            return Task.FromResult(key is not null && _keys.TryUpdate(key.Id, key with { RevokedAt = revokedAt }, key));
        }
    }
}
