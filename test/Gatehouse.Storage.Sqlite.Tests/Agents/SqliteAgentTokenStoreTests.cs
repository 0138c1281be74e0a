using Gatehouse.Storage.Agents;
using Gatehouse.Storage.Sqlite.Agents;
using Gatehouse.Storage.Sqlite.Tests.Support;

namespace Gatehouse.Storage.Sqlite.Tests.Agents;

public sealed class SqliteAgentTokenStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();
    private SqliteStore _store = null!;
    private SqliteAgentTokenStore _tokens = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _store = _database.Open();
        _tokens = new SqliteAgentTokenStore(_store);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Create_ThenFind_RoundTripsEveryField_AndAnIdIsNeverReused()
    {
        var token = Record("t1", "dc1") with { ExpiresAt = Created.AddDays(30) };

        Assert.True(await _tokens.CreateAsync(token, Token));
        Assert.False(await _tokens.CreateAsync(Record("t1", "dc2"), Token));
        var found = await _tokens.FindAsync("t1", Token);

        Assert.NotNull(found);
        Assert.Equal(token.SecretHash, found.SecretHash);
        Assert.Equal(token with { SecretHash = found.SecretHash }, found);
        Assert.Null(await _tokens.FindAsync("dc1", Token));
    }

    [Fact]
    public async Task RevokeByAgentName_RevokesEveryActiveTokenOfThatAgentOnly_AndSealsTheRows()
    {
        await _tokens.CreateAsync(Record("t1", "dc1"), Token);
        await _tokens.CreateAsync(Record("t2", "dc1"), Token);
        await _tokens.CreateAsync(Record("t3", "dc2"), Token);

        Assert.Equal(2, await _tokens.RevokeAsync("dc1", Created.AddHours(1), Token));
        Assert.Equal(0, await _tokens.RevokeAsync("dc1", Created.AddHours(2), Token));

        var all = await _tokens.ListAsync(Token);
        Assert.Equal(new[] { "t1", "t2" }, all.Where(t => t.RevokedAt == Created.AddHours(1)).Select(t => t.Id).Order());
        Assert.True((await _tokens.FindAsync("t3", Token))!.IsActive(Created.AddHours(3)));
        var report = await _store.VerifyRowSealsAsync(Token);
        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
    }

    [Fact]
    public async Task RowEditedBehindTheGateway_IsReportedByTheSealCheck()
    {
        await _tokens.CreateAsync(Record("t1", "dc1"), Token);
        await _tokens.RevokeAsync("t1", Created.AddHours(1), Token);

        _database.Execute("UPDATE agent_tokens SET revoked_ticks = NULL");
        var report = await _store.VerifyRowSealsAsync(Token);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("agent_tokens", problem.Table);
        Assert.Equal("t1", problem.Id);
    }

    private static AgentTokenRecord Record(string id, string agent) => new()
    {
        Id = id,
        AgentName = agent,
        SecretHash = [1, 2, 3, (byte)id[^1]],
        CreatedAt = Created,
    };
}
