namespace Gatehouse.Storage.Sqlite;

/// <summary>Where the embedded store keeps its database and how long it waits for a lock.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>Gets the database file path; its directory is created when missing.</summary>
    public required string Path { get; init; }

    /// <summary>Gets how long a statement waits for another connection's lock. Default 5 seconds.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
