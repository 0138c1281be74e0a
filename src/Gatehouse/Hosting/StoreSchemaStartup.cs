using Gatehouse.Gateway.Configuration;
using Gatehouse.Storage.Schema;

namespace Gatehouse.Hosting;

/// <summary>The first thing the server starts: the store's schema, brought to this release's before any request or job uses it.</summary>
internal sealed partial class StoreSchemaStartup(IStoreSchema schema, StorageConfig storage, string? configPath, ILogger<StoreSchemaStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var migration = await StoreSchemaGate.EnsureAsync(schema, storage, configPath, cancellationToken);
        if (migration.Changed)
        {
            Migrated(logger, migration.From, migration.To);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Migrated the store's schema from version {From} to {To}")]
    private static partial void Migrated(ILogger logger, int from, int to);
}
