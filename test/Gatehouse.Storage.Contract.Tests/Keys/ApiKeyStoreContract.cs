using System.Text;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Keys;

namespace Gatehouse.Storage.Contract.Tests.Keys;

/// <summary>What every API key store must do: each provider runs these tests through a subclass.</summary>
public abstract class ApiKeyStoreContract : IAsyncDisposable
{
    public static readonly DateTimeOffset Created = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private IStoreProvider? _provider;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private IStoreProvider Provider => _provider ??= CreateProvider();

    public static ApiKeyRecord Key(string id, string name, int minutes = 0) => new()
    {
        Id = id,
        Name = name,
        Owner = "alice",
        Groups = ["dev", "ops"],
        SecretHash = Encoding.UTF8.GetBytes("secret-hash-of-" + id).Concat(new byte[8]).ToArray(),
        CreatedAt = Created.AddMinutes(minutes),
        ExpiresAt = Created.AddDays(30),
    };

    [Fact]
    public async Task Create_ThenFind_ReturnsTheSameRecord()
    {
        var keys = await OpenAsync();

        Assert.True(await keys.CreateAsync(Key("k1", "ci"), Token));
        var found = await keys.FindAsync("k1", Token);

        Assert.NotNull(found);
        Assert.Equal("ci", found.Name);
        Assert.Equal("alice", found.Owner);
        Assert.Equal(["dev", "ops"], found.Groups);
        Assert.Equal(Key("k1", "ci").SecretHash, found.SecretHash);
        Assert.Equal(Created, found.CreatedAt);
        Assert.Equal(Created.AddDays(30), found.ExpiresAt);
        Assert.Null(found.RevokedAt);
        Assert.Null(await keys.FindAsync("k2", Token));
    }

    [Fact]
    public async Task Create_IdOrNameTaken_RefusedAndNothingWritten()
    {
        var keys = await OpenAsync();
        await keys.CreateAsync(Key("k1", "ci"), Token);

        Assert.False(await keys.CreateAsync(Key("k1", "other"), Token));
        Assert.False(await keys.CreateAsync(Key("k2", "ci"), Token));
        Assert.Single(await keys.ListAsync(Token));
        Assert.Equal(1, (await ((IAuditStore)keys).GetHeadAsync(Token))!.Sequence);
    }

    [Fact]
    public async Task List_NewestFirst()
    {
        var keys = await OpenAsync();
        await keys.CreateAsync(Key("k1", "first", 0), Token);
        await keys.CreateAsync(Key("k2", "second", 5), Token);

        Assert.Equal(["second", "first"], (await keys.ListAsync(Token)).Select(k => k.Name));
    }

    [Fact]
    public async Task Revoke_ByName_OnceSealedInTheChainWithoutTheSecretHash()
    {
        var keys = await OpenAsync();
        await keys.CreateAsync(Key("k1", "ci"), Token);

        Assert.True(await keys.RevokeAsync("ci", Created.AddHours(1), Token));
        Assert.False(await keys.RevokeAsync("k1", Created.AddHours(2), Token));

        Assert.Equal(Created.AddHours(1), (await keys.FindAsync("k1", Token))!.RevokedAt);
        var store = (IAuditStore)keys;
        var entries = new List<Gatehouse.Audit.Chain.AuditEntry>();
        await foreach (var entry in store.ReadAllAsync(Token))
        {
            entries.Add(entry);
        }

        Assert.Equal(["key.created", "key.revoked"], entries.Select(e => e.Kind));
        var secret = Key("k1", "ci").SecretHash;
        Assert.All(entries, e => Assert.DoesNotContain(Convert.ToHexStringLower(secret), Encoding.UTF8.GetString(e.Payload), StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(Convert.ToBase64String(secret), Encoding.UTF8.GetString(e.Payload), StringComparison.Ordinal));
        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task CreateAndRevoke_WithAuthor_EntriesSayIdNameGroupsAndWhoButNoSecret()
    {
        var keys = await OpenAsync();
        Assert.True(await keys.CreateAsync(Key("k1", "ci"), "admin@example.com", Token));
        Assert.True(await keys.RevokeAsync("k1", Created.AddHours(1), "ops@example.com", Token));

        var entries = new List<Gatehouse.Audit.Chain.AuditEntry>();
        await foreach (var entry in ((IAuditStore)keys).ReadAllAsync(Token))
        {
            entries.Add(entry);
        }

        var created = System.Text.Json.JsonDocument.Parse(entries.Single(e => e.Kind == "key.created").Payload).RootElement;
        var revoked = System.Text.Json.JsonDocument.Parse(entries.Single(e => e.Kind == "key.revoked").Payload).RootElement;
        Assert.Equal(("ci", "admin@example.com"), (created.GetProperty("name").GetString(), created.GetProperty("by").GetString()));
        Assert.Equal(["dev", "ops"], created.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(("ci", "ops@example.com"), (revoked.GetProperty("name").GetString(), revoked.GetProperty("by").GetString()));
        Assert.Equal(["dev", "ops"], revoked.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.All(entries, e => Assert.Equal("k1", e.ExchangeId));
        var secret = Key("k1", "ci").SecretHash;
        Assert.All(entries, e => Assert.DoesNotContain(Convert.ToHexStringLower(secret), Encoding.UTF8.GetString(e.Payload), StringComparison.OrdinalIgnoreCase));
        Assert.All(entries, e => Assert.DoesNotContain(Convert.ToBase64String(secret), Encoding.UTF8.GetString(e.Payload), StringComparison.Ordinal));
        Assert.True((await new AuditVerifier((IAuditStore)keys).VerifyAsync(Token)).IsIntact);
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract IStoreProvider CreateProvider();

    private async Task<IApiKeyStore> OpenAsync() => (IApiKeyStore)await Provider.OpenAsync(Token);
}
