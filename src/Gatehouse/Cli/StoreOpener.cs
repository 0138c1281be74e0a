using System.CommandLine;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Storage;
using Gatehouse.Storage.Sqlite;

namespace Gatehouse.Cli;

/// <summary>Opens the store for the commands that read or write it, reporting problems as exit codes.</summary>
internal static class StoreOpener
{
    /// <summary>Opens the store, runs <paramref name="action"/> on it and closes it; returns the action's exit code.</summary>
    public static async Task<int> RunAsync(
        ParseResult parse, Option<FileInfo?> config, Option<string?> database, Func<SqliteStore, Task<int>> action, bool create = false)
    {
        var store = Open(parse, config, database, out var exitCode, create);
        if (store is null)
        {
            return exitCode;
        }

        await using (store)
        {
            return await action(store);
        }
    }

    /// <summary>
    /// Opens the store named by --db, the configuration, or the default; null after writing the reason. Only
    /// <paramref name="create"/> callers (such as <c>keys create</c>) may bring a new store into being.
    /// </summary>
    private static SqliteStore? Open(ParseResult parse, Option<FileInfo?> config, Option<string?> database, out int exitCode, bool create = false)
    {
        var error = parse.InvocationConfiguration.Error;
        var path = parse.GetValue(database);
        if (path is null)
        {
            var (storage, errors) = GatehouseConfigLoader.LoadStorage(CommonOptions.ResolveConfigPath(parse.GetValue(config)), Environment.GetEnvironmentVariables());
            if (storage is null)
            {
                error.Write(new ConfigLoadResult(null, errors).FormatErrors());
                exitCode = ExitCodes.Usage;
                return null;
            }

            path = storage.Sqlite;
        }

        if (!create && !File.Exists(path))
        {
            error.WriteLine($"gatehouse: there is no store at '{path}'. Start the gateway once (gatehouse serve) or pass --db.");
            exitCode = ExitCodes.StoreUnavailable;
            return null;
        }

        try
        {
            exitCode = ExitCodes.Success;
            return SqliteStore.Open(path);
        }
        catch (StoreUnavailableException ex)
        {
            error.WriteLine($"gatehouse: cannot open the store at '{path}': {ex.Message}");
            exitCode = ExitCodes.StoreUnavailable;
            return null;
        }
    }
}
