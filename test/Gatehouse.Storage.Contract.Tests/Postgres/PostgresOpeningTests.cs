using Gatehouse.Storage.Contract.Tests.Audit;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Postgres;
using Npgsql;

namespace Gatehouse.Storage.Contract.Tests.Postgres;

/// <summary>What only the PostgreSQL provider has: migrations, the writer id, and a connection string that carries a secret.</summary>
public sealed class PostgresOpeningTests : IAsyncDisposable
{
    private PostgresProvider? _provider;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private PostgresProvider Provider => _provider ??= new PostgresProvider();

    [Fact]
    public async Task Open_WrongPassword_ErrorNamesNeitherPasswordNorConnectionString()
    {
        const string secret = "Sup3r-Secret-Value-4711";
        var connectionString = new NpgsqlConnectionStringBuilder(Provider.ConnectionString) { Password = secret, Username = "nobody_" + Guid.NewGuid().ToString("N")[..8] }
            .ConnectionString;

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connectionString }, Token));

        Assert.Equal(StoreFailure.CannotOpen, error.Failure);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(connectionString, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_MalformedConnectionString_ErrorDoesNotEchoIt()
    {
        const string malformed = "Host=127.0.0.1;Password=Sup3r-Secret-Value-4711;NoSuchKeyword=1";

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = malformed }, Token));

        Assert.DoesNotContain("Sup3r-Secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_Twice_MigratesOnceAndKeepsTheLog()
    {
        var first = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = Provider.ConnectionString }, Token);
        await first.AppendAsync(Exchanges.Pair("ex-1"), Token);

        var second = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = Provider.ConnectionString }, Token);

        // Each step recorded once: the second open found every step applied and applied none again.
        var steps = await Provider.CountAsync("gatehouse_schema", Token);
        Assert.True(steps >= 2);
        Assert.Equal(steps, await Provider.CountAsync("(SELECT DISTINCT version FROM gatehouse_schema) AS v", Token));
        Assert.Equal(2, (await second.GetHeadAsync(Token))!.Sequence);
    }

    [Fact]
    public async Task Open_MigrationsDisabledOnEmptyDatabase_RefusedWithTheVerbToRun()
    {
        await Provider.CreateSchemaAsync(Token);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Provider.OpenPostgresAsync(
            new PostgresStoreOptions { ConnectionString = Provider.ConnectionString, Migrate = false }, Token));

        Assert.Contains("gatehouse migrate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_SchemaFromANewerRelease_Refused()
    {
        await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = Provider.ConnectionString }, Token);
        await Provider.ExecuteAsync("INSERT INTO gatehouse_schema (version) VALUES (999)", Token);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Provider.OpenPostgresAsync(
            new PostgresStoreOptions { ConnectionString = Provider.ConnectionString }, Token));

        Assert.Equal(StoreFailure.UnsupportedSchema, error.Failure);
    }

    [Fact]
    public async Task Append_RecordsEachStoresWriterId()
    {
        var one = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = Provider.ConnectionString, WriterId = "replica-a" }, Token);
        var two = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = Provider.ConnectionString, WriterId = "replica-b" }, Token);

        await one.AppendAsync(Exchanges.Pair("ex-1"), Token);
        await two.AppendAsync(Exchanges.Pair("ex-2"), Token);

        Assert.Equal(2, await Provider.CountAsync("audit_entries WHERE writer_id = 'replica-a' AND seq <= 2", Token));
        Assert.Equal(2, await Provider.CountAsync("audit_entries WHERE writer_id = 'replica-b' AND seq > 2", Token));
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
