using System.Security.Cryptography;
using System.Text;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.Oidc;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Tests.Identity;

public sealed class ValidatedTokenCacheTests
{
    private const string Scheme = "oidc-0";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly SecurityKey _key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "key-1" };

    [Fact]
    public void TryGet_UntilTheTokensExpiry_HitsToTheSecond_ThenMisses()
    {
        var cache = Cache();
        var hash = TokenHash.Of("eyJ.token.one");
        cache.Add(hash, Scheme, Caller("alice"), Start.AddSeconds(90), _key);

        _time.Advance(TimeSpan.FromSeconds(89));
        Assert.True(cache.TryGet(hash, Scheme, out var hit));
        Assert.Equal("alice", hit.Caller.Subject);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet(hash, Scheme, out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void TryGet_TokenLivingLongerThanMaxAge_MissesAfterMaxAge()
    {
        var cache = Cache(maxAge: TimeSpan.FromMinutes(5));
        var hash = TokenHash.Of("eyJ.token.long");
        cache.Add(hash, Scheme, Caller("alice"), Start.AddHours(8), _key);

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.True(cache.TryGet(hash, Scheme, out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet(hash, Scheme, out _));
    }

    [Fact]
    public void TryGet_OneByteChanged_Misses()
    {
        var cache = Cache();
        const string token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
        cache.Add(TokenHash.Of(token), Scheme, Caller("alice"), Start.AddHours(1), _key);
        var changed = token[..^1] + (token[^1] == 'l' ? 'm' : 'l');

        Assert.True(cache.TryGet(TokenHash.Of(token), Scheme, out _));
        Assert.False(cache.TryGet(TokenHash.Of(changed), Scheme, out _));
    }

    [Fact]
    public void TryGet_AnotherIssuersScheme_Misses()
    {
        var cache = Cache();
        var hash = TokenHash.Of("eyJ.token.two");
        cache.Add(hash, Scheme, Caller("alice"), Start.AddHours(1), _key);

        Assert.False(cache.TryGet(hash, "oidc-1", out _));
    }

    [Fact]
    public void Add_ManyDistinctTokens_StaysWithinMaxEntries_KeepingTheMostRecentlyUsed()
    {
        var cache = Cache(maxEntries: 100);
        var first = TokenHash.Of("token-0");
        cache.Add(first, Scheme, Caller("u0"), Start.AddHours(1), _key);
        for (var i = 1; i < 10_000; i++)
        {
            // The first token stays in use, so it is never the least recently used one.
            Assert.True(cache.TryGet(first, Scheme, out _));
            cache.Add(TokenHash.Of($"token-{i}"), Scheme, Caller($"u{i}"), Start.AddHours(1), _key);
            Assert.True(cache.Count <= 100);
        }

        Assert.Equal(100, cache.Count);
        Assert.True(cache.TryGet(first, Scheme, out _));
        Assert.True(cache.TryGet(TokenHash.Of("token-9999"), Scheme, out _));
        Assert.False(cache.TryGet(TokenHash.Of("token-1"), Scheme, out _));
    }

    [Fact]
    public void Keys_AreTheTokensSha256_NeverTheToken()
    {
        var cache = Cache();
        const string token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJlLWJ5dGVz";
        cache.Add(TokenHash.Of(token), Scheme, Caller("bob"), Start.AddHours(1), _key);

        var key = Assert.Single(cache.Keys()).ToString();

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), key);
        Assert.DoesNotContain(token, key, StringComparison.Ordinal);
        Assert.True(cache.TryGet(TokenHash.Of(token), Scheme, out var entry));
        Assert.DoesNotContain(token, entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SignedByOneOf_KeyGoneFromTheKeySet_False()
    {
        var cache = Cache();
        var hash = TokenHash.Of("eyJ.token.three");
        cache.Add(hash, Scheme, Caller("carol"), Start.AddHours(1), _key);
        Assert.True(cache.TryGet(hash, Scheme, out var entry));
        var rotated = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "key-2" };

        Assert.True(entry.SignedByOneOf([new RsaSecurityKey(RSA.Create(2048)) { KeyId = "key-1" }, rotated]));
        Assert.False(entry.SignedByOneOf([rotated]));
    }

    [Fact]
    public void Add_MaxEntriesZero_RemembersNothing()
    {
        var cache = Cache(maxEntries: 0);
        var hash = TokenHash.Of("eyJ.token.four");
        cache.Add(hash, Scheme, Caller("dan"), Start.AddHours(1), _key);

        Assert.False(cache.Enabled);
        Assert.False(cache.TryGet(hash, Scheme, out _));
    }

    private ValidatedTokenCache Cache(int maxEntries = 1000, TimeSpan? maxAge = null)
        => new(new TokenCacheConfig { MaxEntries = maxEntries, MaxAge = maxAge ?? TimeSpan.FromHours(24) }, _time);

    private static GatehouseIdentity Caller(string subject)
        => new(subject, null, null, ["dev"], "https://idp.example.com/", null, null, GatehouseIdentity.OidcMethod);
}
