using Gatehouse.Gateway.Configuration;
using Gatehouse.Storage;
using Gatehouse.Storage.Schema;

namespace Gatehouse.Hosting;

/// <summary>
/// Brings the store's schema to this release's before anything uses it: migrates when allowed, and otherwise refuses an
/// out-of-date store with the command to run. Shared by <c>serve</c> and the commands that open the store.
/// </summary>
internal static class StoreSchemaGate
{
    /// <exception cref="StoreUnavailableException">
    /// The store cannot be reached, was written by a newer release, or is out of date while migrations are off.
    /// </exception>
    public static async Task<SchemaMigration> EnsureAsync(IStoreSchema schema, StorageConfig storage, string? configPath, CancellationToken cancellationToken)
    {
        var version = await schema.ReadVersionAsync(cancellationToken).ConfigureAwait(false);
        if (version > schema.CurrentVersion)
        {
            throw new StoreUnavailableException(StoreFailure.UnsupportedSchema);
        }

        if (version == schema.CurrentVersion)
        {
            return new SchemaMigration(version, version);
        }

        if (storage.MigrateOnStart)
        {
            return await schema.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        var config = configPath is null ? "" : $" --config {configPath}";
        throw new StoreUnavailableException(
            $"the store's schema is at version {version} and this release needs {schema.CurrentVersion}, and {storage.ProviderKey}.migrate is off: " +
            $"run 'gatehouse migrate{config}' first");
    }
}
