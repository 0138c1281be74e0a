using System.CommandLine;
using Gatehouse.Cli;
using Gatehouse.Storage;
using Gatehouse.Storage.Schema;

namespace Gatehouse.Migrate;

/// <summary><c>gatehouse migrate</c>: brings the configured store's schema to this release's, or says what that would do.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var (config, db) = (CommonOptions.Config(), CommonOptions.Database());
        var dryRun = new Option<bool>("--dry-run") { Description = "Only print the store's schema version and this release's; change nothing." };
        var command = new Command("migrate", "Apply the schema migrations of the configured store (storage.sqlite or storage.postgres), printing the versions before and after. " +
            "The server migrates at start-up unless storage.postgres.migrate is off; then run this first, from one place, before starting the new release.\n" +
            "Exit codes: 0 migrated or up to date (or, with --dry-run, reported); 2 invalid command line or configuration; 3 the store could not be reached or migrated, or was written by a newer release.")
        {
            dryRun, config, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var storage = StoreOpener.ReadStorage(parse, CommonOptions.ResolveConfigPath(parse.GetValue(config)), db);
            await using var provider = storage is null ? null : StoreOpener.Build(parse, storage);
            if (provider is null)
            {
                return ExitCodes.Usage;
            }

            var schema = provider.GetRequiredService<IStoreSchema>();
            try
            {
                var version = await schema.ReadVersionAsync(ct);
                await output.WriteLineAsync($"store: {schema.Location} ({storage!.ProviderKey})");
                if (version > schema.CurrentVersion)
                {
                    await error.WriteLineAsync($"gatehouse: the store's schema is at version {version}, newer than this release's {schema.CurrentVersion}: run the release that wrote it, or a later one");
                    return ExitCodes.StoreUnavailable;
                }

                if (parse.GetValue(dryRun))
                {
                    await output.WriteLineAsync(version == schema.CurrentVersion
                        ? $"schema: version {version}, up to date; nothing to do"
                        : $"schema: version {Describe(version)}; this release's is {schema.CurrentVersion}: 'gatehouse migrate' would upgrade it from {version} to {schema.CurrentVersion}");
                    return ExitCodes.Success;
                }

                var migration = await schema.MigrateAsync(ct);
                await output.WriteLineAsync(migration.Changed
                    ? $"schema: migrated from version {Describe(migration.From)} to {migration.To}"
                    : $"schema: version {migration.To}, up to date; nothing to do");
                return ExitCodes.Success;
            }
            catch (StoreUnavailableException ex)
            {
                await error.WriteLineAsync($"gatehouse: cannot migrate the store at '{schema.Location}': {ex.Message}");
                return ExitCodes.StoreUnavailable;
            }
        });
        return command;
    }

    private static string Describe(int version) =>
        version == 0 ? "0 (empty)" : version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
