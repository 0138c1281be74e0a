using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Keys;

namespace Gatehouse.Storage.Contract.Tests.Keys;

/// <summary>A row sealed by either provider carries the same row hash, so one auditor's rule checks both.</summary>
public sealed class RowSealParityTests : IAsyncDisposable
{
    private readonly SqliteProvider _sqlite = new();
    private PostgresProvider? _postgres;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeyCreated_SameKeyOnBothProviders_SameSealPayload()
    {
        _postgres = new PostgresProvider();
        var embedded = await _sqlite.OpenAsync(Token);
        var shared = await _postgres.OpenAsync(Token);
        var key = ApiKeyStoreContract.Key("k1", "ci") with { Owner = null };

        await ((IApiKeyStore)embedded).CreateAsync(key, Token);
        await ((IApiKeyStore)shared).CreateAsync(key, Token);

        var one = (await embedded.ReadAfterAsync(0, 1, Token)).Single();
        var two = (await shared.ReadAfterAsync(0, 1, Token)).Single();
        Assert.Equal(System.Text.Encoding.UTF8.GetString(one.Payload), System.Text.Encoding.UTF8.GetString(two.Payload));
        Assert.Equal(one.Hash, two.Hash);
    }

    [Fact]
    public async Task AgentTokenCreated_SameTokenOnBothProviders_SameSealPayload()
    {
        _postgres = new PostgresProvider();
        var embedded = await _sqlite.OpenAsync(Token);
        var shared = await _postgres.OpenAsync(Token);
        var token = Agents.AgentTokenStoreContract.Record("t1", "dc1") with { ExpiresAt = Agents.AgentTokenStoreContract.Created.AddDays(90) };

        await _sqlite.AgentTokens(embedded).CreateAsync(token, Token);
        await _postgres.AgentTokens(shared).CreateAsync(token, Token);

        var one = (await embedded.ReadAfterAsync(0, 1, Token)).Single();
        var two = (await shared.ReadAfterAsync(0, 1, Token)).Single();
        Assert.Equal("agent.token.created", two.Kind);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(one.Payload), System.Text.Encoding.UTF8.GetString(two.Payload));
        Assert.Equal(one.Hash, two.Hash);
    }

    public async ValueTask DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
