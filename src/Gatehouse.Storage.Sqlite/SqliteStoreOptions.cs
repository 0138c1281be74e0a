namespace Gatehouse.Storage.Sqlite;

/// <summary>Where the embedded store keeps its database, how long it waits for a lock, and how durable a commit is.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>Gets the database file path; its directory is created when missing.</summary>
    public required string Path { get; init; }

    /// <summary>Gets how long a statement waits for another connection's lock. Default 5 seconds.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets what a commit has survived when it returns. Default <see cref="StoreDurability.Fsync"/>.</summary>
    /// <remarks>
    /// <see cref="StoreDurability.Fsync"/> is WAL with <c>synchronous=FULL</c>: the log is synced at every commit.
    /// <see cref="StoreDurability.Process"/> is WAL with <c>synchronous=NORMAL</c>: a commit is written into the log
    /// (the operating system's cache) and the log file is synced every <see cref="SyncInterval"/>.
    /// </remarks>
    public StoreDurability Durability { get; init; } = StoreDurability.Fsync;

    /// <summary>
    /// Gets, with <see cref="StoreDurability.Process"/>, how often what was committed is synced to disk. Default 10 ms.
    /// </summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Gets how many pages the writer adds to the log before a checkpoint copies it into the database file, off the
    /// writer's path. Default 1,000 (SQLite's own auto-checkpoint size: about 4 MB of log).
    /// </summary>
    internal long CheckpointPages { get; init; } = 1000;

    /// <summary>Gets the clock of the sync timer. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
