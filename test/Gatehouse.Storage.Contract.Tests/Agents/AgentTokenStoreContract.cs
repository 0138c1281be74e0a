using System.Text;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Agents;
using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Agents;

/// <summary>What every agent enrollment token store must do: each provider runs these tests through a subclass.</summary>
public abstract class AgentTokenStoreContract : ProviderTest
{
    public static readonly DateTimeOffset Created = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static AgentTokenRecord Record(string id, string agent, int minutes = 0) => new()
    {
        Id = id,
        AgentName = agent,
        SecretHash = Encoding.UTF8.GetBytes("agent-secret-hash-of-" + id).Concat(new byte[8]).ToArray(),
        CreatedAt = Created.AddMinutes(minutes),
    };

    [Fact]
    public async Task Create_ThenFind_RoundTripsEveryField_AndAnIdIsNeverReused()
    {
        var (store, tokens) = await OpenAsync();
        var token = Record("t1", "dc1") with { ExpiresAt = Created.AddDays(30) };

        Assert.True(await tokens.CreateAsync(token, Token));
        Assert.False(await tokens.CreateAsync(Record("t1", "dc2"), Token));
        var found = await tokens.FindAsync("t1", Token);

        Assert.NotNull(found);
        Assert.Equal(token.SecretHash, found.SecretHash);
        Assert.Equal(token with { SecretHash = found.SecretHash }, found);
        Assert.Null(await tokens.FindAsync("dc1", Token));
        Assert.Equal(1, (await store.GetHeadAsync(Token))!.Sequence);
    }

    [Fact]
    public async Task SeveralTokensForOneAgent_AllKept_ListedNewestFirst()
    {
        var (_, tokens) = await OpenAsync();
        await tokens.CreateAsync(Record("t1", "dc1", 0), Token);
        await tokens.CreateAsync(Record("t2", "dc1", 5), Token);
        await tokens.CreateAsync(Record("t3", "dc2", 10), Token);

        Assert.Equal(["t3", "t2", "t1"], (await tokens.ListAsync(Token)).Select(t => t.Id));
    }

    [Fact]
    public async Task RevokeByAgentName_RevokesEveryActiveTokenOfThatAgentOnly_SealedWithoutTheSecretHash()
    {
        var (store, tokens) = await OpenAsync();
        await tokens.CreateAsync(Record("t1", "dc1"), Token);
        await tokens.CreateAsync(Record("t2", "dc1"), Token);
        await tokens.CreateAsync(Record("t3", "dc2"), Token);

        Assert.Equal(2, await tokens.RevokeAsync("dc1", Created.AddHours(1), Token));
        Assert.Equal(0, await tokens.RevokeAsync("dc1", Created.AddHours(2), Token));
        Assert.Equal(1, await tokens.RevokeAsync("t3", Created.AddHours(3), Token));

        var all = await tokens.ListAsync(Token);
        Assert.Equal(["t1", "t2"], all.Where(t => t.RevokedAt == Created.AddHours(1)).Select(t => t.Id).Order());
        Assert.False((await tokens.FindAsync("t3", Token))!.IsActive(Created.AddHours(4)));
        var entries = new List<Gatehouse.Audit.Chain.AuditEntry>();
        await foreach (var entry in store.ReadAllAsync(Token))
        {
            entries.Add(entry);
        }

        Assert.Equal(
            ["agent.token.created", "agent.token.created", "agent.token.created", "agent.token.revoked", "agent.token.revoked", "agent.token.revoked"],
            entries.Select(e => e.Kind));
        foreach (var id in new[] { "t1", "t2", "t3" })
        {
            var secret = Record(id, "dc1").SecretHash;
            Assert.All(entries, e => Assert.DoesNotContain(Convert.ToHexStringLower(secret), Encoding.UTF8.GetString(e.Payload), StringComparison.Ordinal));
            Assert.All(entries, e => Assert.DoesNotContain(Convert.ToBase64String(secret), Encoding.UTF8.GetString(e.Payload), StringComparison.Ordinal));
        }

        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task SecondInstanceOnTheSameDatabase_SeesTokensTheFirstCreatedAndRevoked()
    {
        var (_, first) = await OpenAsync();
        var (_, second) = await OpenAsync();

        await first.CreateAsync(Record("t1", "dc1"), Token);
        Assert.Equal("dc1", (await second.FindAsync("t1", Token))?.AgentName);
        Assert.Equal(1, await second.RevokeAsync("t1", Created.AddHours(1), Token));

        Assert.Equal(Created.AddHours(1), (await first.FindAsync("t1", Token))!.RevokedAt);
    }

    private async Task<(IAuditStore Store, IAgentTokenStore Tokens)> OpenAsync()
    {
        var store = await Provider.OpenAsync(Token);
        return (store, Provider.AgentTokens(store));
    }
}
