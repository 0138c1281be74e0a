using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatehouse.Storage.Sqlite.Database;

/// <summary>
/// With <see cref="StoreDurability.Process"/>, syncs what was committed to disk on a timer, off the writer's path.
/// </summary>
/// <remarks>
/// <para>
/// Under <c>synchronous=NORMAL</c> a WAL commit is written into the log file (the operating system's cache) but not
/// synced; SQLite syncs the log only when it checkpoints, first the log and then the database file (sqlite.org/pragma,
/// <c>synchronous</c>). So every <see cref="SqliteStoreOptions.SyncInterval"/> in which something was committed, this
/// loop runs <c>PRAGMA wal_checkpoint(PASSIVE)</c> on a connection of its own: it takes neither the write lock nor a
/// reader's, so the writer keeps committing while the log is synced.
/// </para>
/// <para>
/// A passive checkpoint syncs the log only when it can copy at least one frame. A reader holding an old snapshot keeps
/// it from copying past that snapshot, so while a long read (a full verification, an export) runs, frames committed
/// after its snapshot may wait for the read to end, or for the next checkpoint that can copy, to be synced.
/// </para>
/// </remarks>
internal sealed partial class WalSync : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly PeriodicTimer _timer;
    private volatile ILogger _logger = NullLogger.Instance;
    private readonly Task _loop;
    private long _committed;
    private long _synced;

    public WalSync(string connectionString, TimeSpan interval, TimeProvider time)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var full = _connection.CreateCommand())
        {
            // The checkpoint syncs with its own connection's setting: FULL syncs the log, then the database file.
            full.CommandText = "PRAGMA synchronous = FULL";
            full.ExecuteNonQuery();
        }

        _timer = new PeriodicTimer(interval, time);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Sets where a failed sync is reported; the host sets it once its logging is built.</summary>
    public ILogger Logger
    {
        set => _logger = value;
    }

    /// <summary>Notes that the writer committed; the next tick syncs it.</summary>
    public void Committed() => Interlocked.Increment(ref _committed);

    /// <summary>Syncs now whatever was committed and not yet synced.</summary>
    public void SyncNow()
    {
        var committed = Volatile.Read(ref _committed);
        if (committed == Volatile.Read(ref _synced))
        {
            return;
        }

        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
            Volatile.Write(ref _synced, committed);
        }
        catch (SqliteException error)
        {
            // The next tick tries again; a disk that cannot be synced fails the writer's own commits soon enough.
            SyncFailed(_logger, error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        await _loop.ConfigureAwait(false);

        // A graceful stop leaves nothing unsynced.
        SyncNow();
        SqliteConnection.ClearPool(_connection);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        while (await _timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            SyncNow();
        }
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning,
        Message = "Syncing the store's log to disk failed; retrying at the next interval")]
    private static partial void SyncFailed(ILogger logger, Exception error);
}
