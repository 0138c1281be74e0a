using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.ApiKeys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Gateway.Tests.Identity;

/// <summary>
/// Revocation through the cached key store, as documented for <c>identity.apiKeyCache</c>: a key revoked by another
/// process (<c>gatehouse keys revoke</c>) stops working within the cache's lifetime; one revoked here, at once.
/// </summary>
public sealed class ApiKeyRevocationTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryApiKeyStore _store = new();

    [Fact]
    public async Task RevokedByAnotherProcess_StillServedWithinTheCacheLifetime_RefusedOnceItHasPassed()
    {
        var issued = new ApiKeyIssuer(_time).Create("ci-bot", ["ci"], null, "email:owner@example.com");
        await _store.CreateAsync(issued.Record, CancellationToken.None);
        var verifier = new ApiKeyVerifier(new CachingApiKeyStore(_store, Lifetime, _time), _time, NullLogger<ApiKeyVerifier>.Instance);
        Assert.True((await verifier.VerifyAsync(issued.Plaintext, CancellationToken.None)).Succeeded);

        // The CLI revokes in the store directly, not through this process's cache.
        await _store.RevokeAsync("ci-bot", _time.GetUtcNow(), CancellationToken.None);
        _time.Advance(Lifetime - TimeSpan.FromMilliseconds(1));
        var within = await verifier.VerifyAsync(issued.Plaintext, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var after = await verifier.VerifyAsync(issued.Plaintext, CancellationToken.None);

        Assert.True(within.Succeeded);
        Assert.Equal("api_key_revoked", after.Failure?.Code.ToName());
    }

    [Fact]
    public async Task RevokedThroughTheCache_RefusedAtOnce()
    {
        var issued = new ApiKeyIssuer(_time).Create("ci-bot", ["ci"], null, "email:owner@example.com");
        await _store.CreateAsync(issued.Record, CancellationToken.None);
        var cache = new CachingApiKeyStore(_store, Lifetime, _time);
        var verifier = new ApiKeyVerifier(cache, _time, NullLogger<ApiKeyVerifier>.Instance);
        Assert.True((await verifier.VerifyAsync(issued.Plaintext, CancellationToken.None)).Succeeded);

        await cache.RevokeAsync("ci-bot", _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal("api_key_revoked", (await verifier.VerifyAsync(issued.Plaintext, CancellationToken.None)).Failure?.Code.ToName());
    }
}
