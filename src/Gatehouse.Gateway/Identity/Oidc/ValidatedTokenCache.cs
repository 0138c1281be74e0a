using Gatehouse.Gateway.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Identity.Oidc;

/// <summary>
/// Remembers validated OIDC access tokens, least recently used first out, so that a token is verified once rather than
/// on every request.
/// </summary>
/// <remarks>
/// Keyed by the token's SHA-256, never the token. An entry is used until the token's expiry or
/// <see cref="TokenCacheConfig.MaxAge"/>, whichever comes first, and only while the key that signed it is still in its
/// issuer's key set (the caller checks that on every hit, see <see cref="ValidatedToken.SignedByOneOf"/>). At most
/// <see cref="TokenCacheConfig.MaxEntries"/> entries; zero disables the cache.
/// </remarks>
internal sealed class ValidatedTokenCache(TokenCacheConfig config, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TokenHash, LinkedListNode<(TokenHash Hash, ValidatedToken Token)>> _entries = [];
    private readonly LinkedList<(TokenHash Hash, ValidatedToken Token)> _recency = new();

    public bool Enabled => config.MaxEntries > 0;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Returns the entry of <paramref name="hash"/> validated by <paramref name="scheme"/>, if it has not expired.</summary>
    public bool TryGet(TokenHash hash, string scheme, out ValidatedToken token)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(hash, out var node) && node.Value.Token.Scheme == scheme)
            {
                if (now < node.Value.Token.ValidUntil)
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    token = node.Value.Token;
                    return true;
                }

                Drop(node);
            }
        }

        token = null!;
        return false;
    }

    /// <summary>Returns the scheme that validated the token of <paramref name="hash"/> while its entry is unexpired; otherwise null.</summary>
    /// <remarks>
    /// For routing only: it neither vouches for the token nor refreshes the entry's recency. The scheme it names asks
    /// <see cref="TryGet"/>, checks the signing key, and validates in full on any miss.
    /// </remarks>
    public string? SchemeOf(TokenHash hash)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _entries.TryGetValue(hash, out var node) && now < node.Value.Token.ValidUntil ? node.Value.Token.Scheme : null;
        }
    }

    /// <summary>Remembers a token just validated by <paramref name="scheme"/>; one without a known signing key is not kept.</summary>
    public void Add(TokenHash hash, string scheme, GatehouseIdentity caller, DateTimeOffset expires, SecurityKey? signingKey)
    {
        var keyId = string.IsNullOrEmpty(signingKey?.KeyId) ? null : signingKey.KeyId;
        if (!Enabled || signingKey is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var until = expires < now + config.MaxAge ? expires : now + config.MaxAge;
        if (until <= now)
        {
            return;
        }

        var entry = new ValidatedToken(scheme, caller, until, keyId, signingKey);
        lock (_gate)
        {
            if (_entries.TryGetValue(hash, out var existing))
            {
                Drop(existing);
            }

            while (_entries.Count >= config.MaxEntries && _recency.Last is { } oldest)
            {
                Drop(oldest);
            }

            _entries[hash] = _recency.AddFirst((hash, entry));
        }
    }

    /// <summary>Forgets <paramref name="hash"/>, as when the key that signed it left its issuer's key set.</summary>
    public void Remove(TokenHash hash)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(hash, out var node))
            {
                Drop(node);
            }
        }
    }

    /// <summary>Returns the keys held, for inspection: hashes, never tokens.</summary>
    internal IReadOnlyList<TokenHash> Keys()
    {
        lock (_gate)
        {
            return [.. _entries.Keys];
        }
    }

    private void Drop(LinkedListNode<(TokenHash Hash, ValidatedToken Token)> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Hash);
    }
}
