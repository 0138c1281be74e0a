using System.CommandLine;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Hosting;
using Gatehouse.Storage;
using Gatehouse.Storage.Schema;

namespace Gatehouse.Cli;

/// <summary>
/// Opens the configured store for the commands that read or write it, through the same provider selection as the
/// server (<see cref="StoreSelection"/>), reporting problems as exit codes.
/// </summary>
internal static class StoreOpener
{
    /// <summary>Opens the store, runs <paramref name="action"/> on it and closes it; returns the action's exit code.</summary>
    /// <remarks>
    /// The store's schema is brought to this release's first, as at start-up: migrated unless the configuration turns
    /// migrations off, in which case an out-of-date store is refused with the command to run.
    /// </remarks>
    public static async Task<int> RunAsync(
        ParseResult parse, Option<FileInfo?> config, Option<string?> database, Func<StoreServices, Task<int>> action, bool create = false)
    {
        var error = parse.InvocationConfiguration.Error;
        var configPath = CommonOptions.ResolveConfigPath(parse.GetValue(config));
        var storage = ReadStorage(parse, configPath, database);
        if (storage is null)
        {
            return ExitCodes.Usage;
        }

        if (storage.Postgres is null && !create && !File.Exists(storage.Sqlite))
        {
            await error.WriteLineAsync($"gatehouse: there is no store at '{storage.Sqlite}'. Start the gateway once (gatehouse serve) or pass --db.");
            return ExitCodes.StoreUnavailable;
        }

        var provider = Build(parse, storage);
        if (provider is null)
        {
            return ExitCodes.Usage;
        }

        await using (provider)
        {
            var schema = provider.GetRequiredService<IStoreSchema>();
            try
            {
                await StoreSchemaGate.EnsureAsync(schema, storage, configPath, CancellationToken.None);
                _ = provider.GetRequiredService<Gatehouse.Audit.Store.IAuditStore>();
            }
            catch (StoreUnavailableException ex)
            {
                await error.WriteLineAsync($"gatehouse: cannot open the store at '{schema.Location}': {ex.Message}");
                return ExitCodes.StoreUnavailable;
            }

            return await action(new StoreServices(provider, storage.ProviderKey));
        }
    }

    /// <summary>Reads <c>storage</c> from --db (an SQLite file), else the configuration; null after writing the errors.</summary>
    public static StorageConfig? ReadStorage(ParseResult parse, string? configPath, Option<string?>? database)
    {
        if (database is not null && parse.GetValue(database) is { } path)
        {
            return new StorageConfig { Sqlite = path };
        }

        var (storage, errors) = GatehouseConfigLoader.LoadStorage(configPath, Environment.GetEnvironmentVariables());
        if (storage is null)
        {
            parse.InvocationConfiguration.Error.Write(new ConfigLoadResult(null, errors).FormatErrors());
        }

        return storage;
    }

    /// <summary>Registers the configured provider's stores; null after writing why its settings cannot be used.</summary>
    public static ServiceProvider? Build(ParseResult parse, StorageConfig storage)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        try
        {
            services.AddStore(storage, new AuditConfig(), Environment.GetEnvironmentVariables());
        }
        catch (StoreConfigurationException ex)
        {
            parse.InvocationConfiguration.Error.Write(StoreSelection.FormatErrors(ex));
            return null;
        }

        return services.BuildServiceProvider();
    }
}
