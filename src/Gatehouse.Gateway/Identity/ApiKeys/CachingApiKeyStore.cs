using System.Collections.Concurrent;
using Gatehouse.Storage.Keys;

namespace Gatehouse.Gateway.Identity.ApiKeys;

/// <summary>
/// Remembers key lookups for a short time, so a CI job's every request does not read the store. A revocation or expiry
/// therefore takes effect within <c>identity.apiKeyCache</c> (5 s by default) on other processes; revoking through
/// this instance takes effect at once.
/// </summary>
internal sealed class CachingApiKeyStore : IApiKeyStore
{
    private const int MaxEntries = 10_000;

    private readonly IApiKeyStore _inner;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (ApiKeyRecord? Record, long At)> _lookups = new(StringComparer.Ordinal);

    public CachingApiKeyStore(IApiKeyStore inner, TimeSpan lifetime, TimeProvider time)
    {
        _inner = inner;
        _lifetime = lifetime;
        _time = time;
    }

    public async Task<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (_lifetime > TimeSpan.Zero && _lookups.TryGetValue(id, out var cached) && _time.GetElapsedTime(cached.At) < _lifetime)
        {
            return cached.Record;
        }

        var record = await _inner.FindAsync(id, cancellationToken);
        if (_lifetime > TimeSpan.Zero)
        {
            if (_lookups.Count >= MaxEntries)
            {
                // Unknown ids (guessing) must not grow the cache without bound; starting over is cheap.
                _lookups.Clear();
            }

            _lookups[id] = (record, _time.GetTimestamp());
        }

        return record;
    }

    /// <summary>Stores a new key; its audit entry names no author.</summary>
    public Task<bool> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken) => CreateAsync(key, null, cancellationToken);

    /// <summary>Revokes a key; its audit entry names no author.</summary>
    public Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        RevokeAsync(idOrName, revokedAt, null, cancellationToken);

    public Task<bool> CreateAsync(ApiKeyRecord key, string? by, CancellationToken cancellationToken)
    {
        _lookups.TryRemove(key.Id, out _);
        return _inner.CreateAsync(key, by, cancellationToken);
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken) => _inner.ListAsync(cancellationToken);

    public async Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, string? by, CancellationToken cancellationToken)
    {
        var revoked = await _inner.RevokeAsync(idOrName, revokedAt, by, cancellationToken);
        _lookups.Clear();
        return revoked;
    }
}
