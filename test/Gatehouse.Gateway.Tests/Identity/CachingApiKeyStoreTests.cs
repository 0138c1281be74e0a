using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Storage.Keys;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Gateway.Tests.Identity;

public sealed class CachingApiKeyStoreTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Find_WithinLifetime_ReadsTheStoreOnce_ThenAgainAfterIt()
    {
        var time = new FakeTimeProvider();
        var inner = new CountingKeyStore();
        var cache = new CachingApiKeyStore(inner, TimeSpan.FromSeconds(5), time);

        await cache.FindAsync("k1", Token);
        time.Advance(TimeSpan.FromSeconds(4));
        await cache.FindAsync("k1", Token);
        Assert.Equal(1, inner.Finds);

        time.Advance(TimeSpan.FromSeconds(2));
        await cache.FindAsync("k1", Token);
        Assert.Equal(2, inner.Finds);
    }

    [Fact]
    public async Task Revoke_ThroughTheCache_TakesEffectAtOnce()
    {
        var inner = new CountingKeyStore();
        var cache = new CachingApiKeyStore(inner, TimeSpan.FromSeconds(5), new FakeTimeProvider());
        Assert.Null((await cache.FindAsync("k1", Token))!.RevokedAt);

        await cache.RevokeAsync("k1", DateTimeOffset.UnixEpoch, Token);

        Assert.NotNull((await cache.FindAsync("k1", Token))!.RevokedAt);
    }

    [Fact]
    public async Task Find_ZeroLifetime_AlwaysReadsTheStore()
    {
        var inner = new CountingKeyStore();
        var cache = new CachingApiKeyStore(inner, TimeSpan.Zero, new FakeTimeProvider());

        await cache.FindAsync("k1", Token);
        await cache.FindAsync("k1", Token);

        Assert.Equal(2, inner.Finds);
    }

    private sealed class CountingKeyStore : IApiKeyStore
    {
        private DateTimeOffset? _revokedAt;

        public int Finds { get; private set; }

        public Task<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken)
        {
            Finds++;
            return Task.FromResult<ApiKeyRecord?>(new ApiKeyRecord
            {
                Id = id,
                Name = "ci",
                SecretHash = new byte[32],
                CreatedAt = DateTimeOffset.UnixEpoch,
                RevokedAt = _revokedAt,
            });
        }

        public Task<bool> CreateAsync(ApiKeyRecord key, string? by, CancellationToken cancellationToken) => CreateAsync(key, cancellationToken);

        public Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, string? by, CancellationToken cancellationToken) =>
            RevokeAsync(idOrName, revokedAt, cancellationToken);

        public Task<bool> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ApiKeyRecord>>([]);

        public Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, CancellationToken cancellationToken)
        {
            _revokedAt = revokedAt;
            return Task.FromResult(true);
        }
    }
}
