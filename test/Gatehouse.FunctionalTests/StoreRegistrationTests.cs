using Gatehouse.Audit.Store;
using Gatehouse.Export.Cursors;
using Gatehouse.Storage.Agents;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Postgres;
using Gatehouse.Storage.Schema;
using Gatehouse.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Both providers register alike: the same interfaces from one extension method each, and one schema interface that
/// creates an empty store, reports its version and leaves an up-to-date one alone.
/// </summary>
public sealed class StoreRegistrationTests : IAsyncDisposable
{
    private static readonly Type[] Shared =
        [typeof(IAuditStore), typeof(IAuditCheckpointStore), typeof(IExchangeEntryReader), typeof(IApiKeyStore), typeof(IExportCursorStore), typeof(IAgentTokenStore), typeof(IStoreSchema),
         typeof(Gatehouse.Storage.Leases.ILeaseStore)];

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-registration-").FullName;
    private readonly string _schema = "reg_" + Guid.NewGuid().ToString("N");
    private string? _server;

    [Fact]
    public async Task AddSqliteStore_RegistersTheSharedInterfacesAndMigratesAnEmptyFile()
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System)
            .AddSqliteStore(new SqliteStoreOptions { Path = Path.Combine(_directory, "gatehouse.db") });

        await AssertRegisteredAndMigratedAsync(services);
    }

    [Fact]
    public async Task AddPostgresStore_RegistersTheSharedInterfacesAndMigratesAnEmptySchema()
    {
        _server = PostgresServer.ConnectionString();
        await ServerExecuteAsync($"CREATE SCHEMA {_schema}");
        var services = new ServiceCollection().AddSingleton(TimeProvider.System)
            .AddPostgresStore(new PostgresStoreOptions { ConnectionString = new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString });

        await AssertRegisteredAndMigratedAsync(services);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        if (_server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ServerExecuteAsync($"DROP SCHEMA {_schema} CASCADE");
        }
    }

    private static async Task AssertRegisteredAndMigratedAsync(IServiceCollection services)
    {
        foreach (var type in Shared)
        {
            Assert.Contains(services, d => d.ServiceType == type);
        }

        var provider = services.BuildServiceProvider();
        await using (provider)
        {
            var schema = provider.GetRequiredService<IStoreSchema>();
            var before = await schema.ReadVersionAsync(CancellationToken.None);
            var first = await schema.MigrateAsync(CancellationToken.None);
            var second = await schema.MigrateAsync(CancellationToken.None);

            Assert.Equal(0, before);
            Assert.Equal(new SchemaMigration(0, schema.CurrentVersion), first);
            Assert.False(second.Changed);
            Assert.Equal(schema.CurrentVersion, await schema.ReadVersionAsync(CancellationToken.None));
            Assert.DoesNotContain("Password", schema.Location, StringComparison.OrdinalIgnoreCase);

            // The same store behind every interface: a key written through one is read through the audit of another.
            var key = new ApiKeyRecord { Id = "k1", Name = "reg-bot", SecretHash = [1, 2], CreatedAt = DateTimeOffset.UnixEpoch.AddYears(56), Owner = "ops@example.com" };
            Assert.True(await provider.GetRequiredService<IApiKeyStore>().CreateAsync(key, CancellationToken.None));
            Assert.Equal(1, (await provider.GetRequiredService<IAuditCheckpointStore>().GetHeadAsync(CancellationToken.None))!.Sequence);
        }
    }

    private async Task ServerExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
