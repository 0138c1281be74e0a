using System.Collections.Concurrent;
using Gatehouse.Storage;
using Gatehouse.Storage.Grants;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Access;

/// <summary>
/// The connections a caller holds an active just-in-time grant to, read from the store and cached briefly per principal key.
/// </summary>
/// <remarks>
/// A cached entry keeps each grant's end, so a grant stops counting exactly when it ends, whatever the cache's age.
/// Only a revocation made through another gateway instance can lag, by at most <see cref="Freshness"/>; one made
/// through this instance drops the requester's entry at once. The cache holds at most <see cref="MaxEntries"/>
/// subjects and starts over when full. If the store cannot be read, the caller is treated as holding no grant
/// (fail closed: a grant only ever adds access) and nothing is cached.
/// </remarks>
internal sealed class ActiveGrants(IGrantStore store, TimeProvider time, ILogger<ActiveGrants> logger)
{
    /// <summary>How long a subject's grants are reused before the store is read again: 2 seconds.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    /// <summary>The most subjects cached at once.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (IReadOnlyList<ActiveGrant> Grants, DateTimeOffset ReadAt)> _cache = new(StringComparer.Ordinal);

    /// <summary>Gets the names of the connections the caller with principal key <paramref name="subject"/> may use by grant now, sorted.</summary>
    public async ValueTask<IReadOnlyList<string>> ForAsync(string subject, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(subject, out var entry) || now - entry.ReadAt >= Freshness || now < entry.ReadAt)
        {
            try
            {
                entry = (await store.ActiveAsync(subject, cancellationToken).ConfigureAwait(false), now);
            }
            catch (StoreUnavailableException ex)
            {
                Log.GrantsUnavailable(logger, subject, ex.Message);
                return [];
            }

            if (_cache.Count >= MaxEntries)
            {
                _cache.Clear();
            }

            _cache[subject] = entry;
        }

        return entry.Grants.Count == 0 ? [] : [.. entry.Grants.Where(g => now < g.EndsAt).Select(g => g.Connection)];
    }

    /// <summary>Drops what is cached for <paramref name="subject"/>, after one of their grants changed.</summary>
    public void Forget(string subject) => _cache.TryRemove(subject, out _);
}
