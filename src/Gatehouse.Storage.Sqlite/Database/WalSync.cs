using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;

namespace Gatehouse.Storage.Sqlite.Database;

/// <summary>
/// Keeps the store's write-ahead log off the writer's path: checkpoints it into the database file when it passes a size
/// (both durabilities) and, with <see cref="StoreDurability.Process"/>, syncs it to disk on a timer.
/// </summary>
/// <remarks>
/// <para>
/// The writer connection never checkpoints (<c>wal_autocheckpoint = 0</c>): SQLite's own auto-checkpoint would run
/// on the commit that crosses 1,000 pages, copying the log into the database file and syncing it on an exchange's
/// path. The writer reports the pages each write added to the log (<see cref="Committed"/>); once
/// <see cref="SqliteStoreOptions.CheckpointPages"/> have been added since the last checkpoint, a loop runs
/// <c>PRAGMA wal_checkpoint(PASSIVE)</c> on a connection of its own at <c>synchronous=FULL</c> (the log is synced,
/// copied, then the database file synced). It takes neither the write lock nor blocks readers, so commits go on
/// meanwhile. It ends by copying what was committed during the copy with the writer's lock held (a few commits' pages),
/// so that the next commit starts the log again from its beginning and the log stays about that size.
/// </para>
/// <para>
/// Under <c>synchronous=NORMAL</c> a commit is written into the log file (the operating system's cache) but not
/// synced. Every <see cref="SqliteStoreOptions.SyncInterval"/> in which something was committed, the timer syncs the
/// log file alone (<see cref="RandomAccess.FlushToDisk"/> on a handle of its own): that is what makes the commit
/// survive a power loss, since recovery replays a synced log. The database file is written only by the checkpoint.
/// </para>
/// <para>
/// A passive checkpoint cannot copy past a reader's snapshot; while a long read (a full verification, an export) runs,
/// the log grows past the size and is copied by the next checkpoint after the read. Syncing is not held back by reads.
/// </para>
/// </remarks>
internal sealed partial class WalSync : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _logPath;
    private readonly long _checkpointPages;
    private readonly Channel<bool> _checkpointDue = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly PeriodicTimer? _timer;
    private readonly Task _checkpoints;
    private readonly Task _syncs;
    private readonly SemaphoreSlim _writeLock;
    private readonly CancellationTokenSource _stopping = new();
    private volatile ILogger _logger = NullLogger.Instance;
    private SafeFileHandle? _log;
    private long _committed;
    private long _synced;
    private long _pages;
    private long _logSyncs;
    private long _checkpointsRun;

    /// <param name="connectionString">The store's connection string; the loop opens a connection of its own.</param>
    /// <param name="databasePath">The database file, beside which SQLite keeps the log.</param>
    /// <param name="options">The durability, sync interval, checkpoint size and clock.</param>
    /// <param name="writeLock">The writer's lock, held while the end of a checkpoint copies what was added during it.</param>
    public WalSync(string connectionString, string databasePath, SqliteStoreOptions options, SemaphoreSlim writeLock)
    {
        _writeLock = writeLock;
        _logPath = databasePath + "-wal";
        _checkpointPages = options.CheckpointPages;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var full = _connection.CreateCommand())
        {
            // The checkpoint syncs with its own connection's setting: FULL syncs the log, then the database file.
            full.CommandText = "PRAGMA synchronous = FULL";
            full.ExecuteNonQuery();
        }

        _checkpoints = Task.Run(CheckpointWhenDueAsync);
        if (options.Durability == StoreDurability.Process)
        {
            _timer = new PeriodicTimer(options.SyncInterval, options.TimeProvider);
            _syncs = Task.Run(SyncOnTimerAsync);
        }
        else
        {
            _syncs = Task.CompletedTask;
        }
    }

    /// <summary>Sets where a failed sync or checkpoint is reported; the host sets it once its logging is built.</summary>
    public ILogger Logger
    {
        set => _logger = value;
    }

    /// <summary>Gets how many times the log file was synced alone.</summary>
    internal long LogSyncs => Volatile.Read(ref _logSyncs);

    /// <summary>Gets how many checkpoints ran.</summary>
    internal long CheckpointsRun => Volatile.Read(ref _checkpointsRun);

    /// <summary>Notes that the writer committed <paramref name="pages"/> pages into the log.</summary>
    public void Committed(long pages)
    {
        Interlocked.Increment(ref _committed);
        if (Interlocked.Add(ref _pages, pages) >= _checkpointPages)
        {
            _checkpointDue.Writer.TryWrite(true);
        }
    }

    /// <summary>Stops the loops, then syncs and checkpoints what is left; the caller holds the writer's lock.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _timer?.Dispose();
        _checkpointDue.Writer.TryComplete();
        await _syncs.ConfigureAwait(false);
        await _checkpoints.ConfigureAwait(false);

        // A graceful stop leaves nothing unsynced and the log copied into the database file.
        if (_timer is not null)
        {
            SyncLog();
        }

        Checkpoint();
        _log?.Dispose();

        SqliteConnection.ClearPool(_connection);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task CheckpointWhenDueAsync()
    {
        await foreach (var _ in _checkpointDue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            // The bulk of the copy, beside the writer.
            if (!Checkpoint())
            {
                continue;
            }

            // SQLite starts the log again from its beginning only at a write that begins once the whole log is copied,
            // which a steady stream of commits during the copy never allows: the log would grow without bound. So what
            // the writer added during the copy (a few commits) is copied with the writer held back.
            try
            {
                await _writeLock.WaitAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var pages = Volatile.Read(ref _pages);
                if (Checkpoint())
                {
                    // A reader's snapshot may have held part of the log back; it is not counted again, since asking at
                    // every commit until the read ends would only repeat the same partial copy.
                    Interlocked.Add(ref _pages, -pages);
                }
            }
            finally
            {
                _writeLock.Release();
            }
        }
    }

    private async Task SyncOnTimerAsync()
    {
        while (await _timer!.WaitForNextTickAsync().ConfigureAwait(false))
        {
            SyncLog();
        }
    }

    private bool Checkpoint()
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
            Interlocked.Increment(ref _checkpointsRun);
            return true;
        }
        catch (SqliteException error)
        {
            // The next commits ask again; the log grows meanwhile, and a disk that cannot be written fails the writer's
            // own commits soon enough.
            CheckpointFailed(_logger, error);
            return false;
        }
    }

    private void SyncLog()
    {
        var committed = Volatile.Read(ref _committed);
        if (committed == Volatile.Read(ref _synced))
        {
            return;
        }

        try
        {
            // The log exists from the first commit on and stays while a connection (this one) is open: a checkpoint
            // starts it again from its beginning in the same file, never deletes it. Only the timer's loop, then the
            // stop after it, come here.
            _log ??= File.OpenHandle(_logPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.FlushToDisk(_log);

            Volatile.Write(ref _synced, committed);
            Interlocked.Increment(ref _logSyncs);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The next tick tries again; a disk that cannot be synced fails the writer's own commits soon enough.
            SyncFailed(_logger, error);
        }
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning,
        Message = "Syncing the store's log to disk failed; retrying at the next interval")]
    private static partial void SyncFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Warning,
        Message = "Copying the store's log into its database file failed; retrying after the next commits")]
    private static partial void CheckpointFailed(ILogger logger, Exception error);
}
