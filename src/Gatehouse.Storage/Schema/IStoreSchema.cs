namespace Gatehouse.Storage.Schema;

/// <summary>The versioned schema of a store: what version it is at, and the migrations that bring it to this release's.</summary>
/// <remarks>
/// Both providers number their own steps (the embedded file and the PostgreSQL database have different histories);
/// a version is only compared with the same provider's <see cref="CurrentVersion"/>. Steps only add, and a store
/// written by a newer release is refused (<see cref="StoreFailure.UnsupportedSchema"/>).
/// </remarks>
public interface IStoreSchema
{
    /// <summary>Gets the schema version this release writes.</summary>
    int CurrentVersion { get; }

    /// <summary>Gets where the store is, for people: a file path or a server and database, never a password.</summary>
    string Location { get; }

    /// <summary>Reads the version the store is at; 0 for a store that does not exist or is empty.</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be reached.</exception>
    Task<int> ReadVersionAsync(CancellationToken cancellationToken);

    /// <summary>Applies every step above the store's version, creating the store when it is empty.</summary>
    /// <returns>The versions before and after.</returns>
    /// <exception cref="StoreUnavailableException">The store cannot be reached or migrated, or is newer than this release.</exception>
    Task<SchemaMigration> MigrateAsync(CancellationToken cancellationToken);
}
