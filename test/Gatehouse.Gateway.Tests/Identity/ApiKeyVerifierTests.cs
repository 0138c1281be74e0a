using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Policy.Durations;
using Gatehouse.Storage.Keys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Gateway.Tests.Identity;

public sealed class ApiKeyVerifierTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryApiKeyStore _store = new();

    [Fact]
    public async Task Verify_UntilExpiry_AcceptedThenExpiredAtTheInstant()
    {
        var lifetime = DurationGrammar.Parse("90d", ApiKeyLifetime.Range).Value!.Value;
        var issued = new ApiKeyIssuer(_time).Create("ci-bot", ["ci"], _time.GetUtcNow() + lifetime, "email:owner@example.com");
        await _store.CreateAsync(issued.Record, CancellationToken.None);
        var verifier = new ApiKeyVerifier(_store, _time, NullLogger<ApiKeyVerifier>.Instance);

        _time.Advance(lifetime - TimeSpan.FromSeconds(1));
        var before = await verifier.VerifyAsync(issued.Plaintext, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var at = await verifier.VerifyAsync(issued.Plaintext, CancellationToken.None);

        Assert.True(before.Succeeded);
        Assert.Equal("ci", Assert.Single(before.Identity.Groups));
        Assert.Equal("api_key_expired", at.Failure?.Code.ToName());
        Assert.Contains("2026-05-30T12:00:00Z", at.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_StoreFails_RefusedAs503()
    {
        var issued = new ApiKeyIssuer(_time).Create("ci-bot", ["ci"], null, "email:owner@example.com");
        var verifier = new ApiKeyVerifier(new FailingStore(), _time, NullLogger<ApiKeyVerifier>.Instance);

        var result = await verifier.VerifyAsync(issued.Plaintext, CancellationToken.None);

        Assert.Equal("key_store_unavailable", result.Failure?.Code.ToName());
        Assert.Equal(503, result.Failure?.Status);
    }

    [Fact]
    public void Create_Key_StoresOnlyTheSecretHash()
    {
        var issued = new ApiKeyIssuer(_time).Create("ci-bot", ["ci", "ci"], null, "email:owner@example.com");

        Assert.Matches("^gk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$", issued.Plaintext);
        Assert.Equal(issued.Plaintext.Substring(3, 12), issued.Record.Id);
        Assert.True(ApiKeyFormat.TryParse(issued.Plaintext, out _, out var hash));
        Assert.Equal(hash, issued.Record.SecretHash);
        Assert.Equal(32, issued.Record.SecretHash.Length);
        Assert.DoesNotContain(issued.Plaintext[16..], issued.Record.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Plaintext, issued.ToString(), StringComparison.Ordinal);
        Assert.Equal(["ci"], issued.Record.Groups);
        Assert.Equal(_time.GetUtcNow(), issued.Record.CreatedAt);
        Assert.Null(issued.Record.ExpiresAt);
    }

    [Fact]
    public void Create_ManyKeys_IdsAndSecretsAreUnique()
    {
        var issuer = new ApiKeyIssuer(_time);

        var keys = Enumerable.Range(0, 500).Select(i => issuer.Create("k" + i, [], null, "email:owner@example.com")).ToList();

        Assert.Equal(500, keys.Select(k => k.Record.Id).Distinct().Count());
        Assert.Equal(500, keys.Select(k => k.Plaintext[16..]).Distinct().Count());
    }

    [Theory]
    [InlineData("gk_abcdefghijkl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", true)]
    [InlineData("gk_abcdefghijkL_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false)]
    [InlineData("gk_abcdefghijk1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false)]
    [InlineData("gk_abcdefghijkl-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false)]
    [InlineData("gk_abcdefghijkl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false)]
    [InlineData("gk_abcdefghijkl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", false)]
    [InlineData("xx_abcdefghijkl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false)]
    public void TryParse_KeyText_AcceptsOnlyTheExactFormat(string text, bool valid)
    {
        Assert.Equal(valid, ApiKeyFormat.TryParse(text, out var id, out _));
        Assert.Equal(valid ? "abcdefghijkl" : "", id);
    }

    private sealed class FailingStore : IApiKeyStore
    {
        public Task<bool> CreateAsync(ApiKeyRecord key, string? by, CancellationToken cancellationToken) => CreateAsync(key, cancellationToken);

        public Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, string? by, CancellationToken cancellationToken) =>
            RevokeAsync(idOrName, revokedAt, cancellationToken);

        public Task<bool> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken) => throw new IOException("disk I/O error");

        public Task<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken) => throw new IOException("disk I/O error");

        public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken) => throw new IOException("disk I/O error");

        public Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
            throw new IOException("disk I/O error");
    }
}
