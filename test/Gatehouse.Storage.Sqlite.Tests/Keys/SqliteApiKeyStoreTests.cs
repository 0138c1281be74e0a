using System.Security.Cryptography;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Sqlite.Tests.Support;

namespace Gatehouse.Storage.Sqlite.Tests.Keys;

public sealed class SqliteApiKeyStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();
    private SqliteStore _store = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _store = _database.Open();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Create_ThenFind_RoundTripsEveryField()
    {
        var key = Key("k1", "ci-bot") with { ExpiresAt = Created.AddDays(30) };

        Assert.True(await _store.CreateAsync(key, Token));
        var found = await _store.FindAsync("k1", Token);

        Assert.NotNull(found);
        Assert.Equal(key.SecretHash, found.SecretHash);
        Assert.Equal(key.Groups, found.Groups);
        Assert.Equal(key with { SecretHash = found.SecretHash, Groups = found.Groups }, found);
        Assert.Null(await _store.FindAsync("ci-bot", Token));
    }

    [Fact]
    public async Task Create_NameTaken_ReturnsFalseAndKeepsTheFirst()
    {
        await _store.CreateAsync(Key("k1", "ci-bot"), Token);

        var created = await _store.CreateAsync(Key("k2", "ci-bot"), Token);

        Assert.False(created);
        Assert.Null(await _store.FindAsync("k2", Token));
        Assert.Single(await _store.ListAsync(Token));
    }

    [Fact]
    public async Task List_ReturnsNewestFirst()
    {
        await _store.CreateAsync(Key("k1", "first"), Token);
        await _store.CreateAsync(Key("k2", "second") with { CreatedAt = Created.AddHours(1) }, Token);
        await _store.CreateAsync(Key("k3", "third") with { CreatedAt = Created.AddHours(2) }, Token);

        var keys = await _store.ListAsync(Token);

        Assert.Equal(["third", "second", "first"], keys.Select(k => k.Name));
    }

    [Fact]
    public async Task Revoke_ByIdOrName_RevokesOnceAndSurvivesReopen()
    {
        await _store.CreateAsync(Key("k1", "ci-bot"), Token);
        await _store.CreateAsync(Key("k2", "deploy"), Token);
        var at = Created.AddDays(1);

        Assert.True(await _store.RevokeAsync("ci-bot", at, Token));
        Assert.True(await _store.RevokeAsync("k2", at, Token));
        Assert.False(await _store.RevokeAsync("k1", at.AddDays(1), Token));
        Assert.False(await _store.RevokeAsync("nobody", at, Token));

        await _store.DisposeAsync();
        _store = _database.Open();
        Assert.Equal(at, (await _store.FindAsync("k1", Token))!.RevokedAt);
        Assert.Equal(at, (await _store.FindAsync("k2", Token))!.RevokedAt);
    }

    private static ApiKeyRecord Key(string id, string name) => new()
    {
        Id = id,
        Name = name,
        Groups = ["ci", "deploy"],
        SecretHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)),
        CreatedAt = Created,
    };
}
