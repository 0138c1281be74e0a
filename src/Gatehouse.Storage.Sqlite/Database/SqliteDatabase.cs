using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Database;

/// <summary>One database file: a single writer connection behind a lock, and pooled reader connections.</summary>
/// <remarks>
/// WAL lets readers run beside the writer. With <see cref="StoreDurability.Fsync"/> (synchronous=FULL) every commit is
/// on disk when it returns, which is why the audit writer batches many entries into one commit; with
/// <see cref="StoreDurability.Process"/> (synchronous=NORMAL) a commit is in the log when it returns and
/// <see cref="WalSync"/> syncs the log on a timer. In both, the writer never checkpoints: <see cref="WalSync"/> copies
/// the log into the database file off the writer's path once it has grown by
/// <see cref="SqliteStoreOptions.CheckpointPages"/>.
/// </remarks>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly int _busyMilliseconds;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock;
    private readonly WalSync _sync;

    private SqliteDatabase(string connectionString, int busyMilliseconds, SqliteConnection writer, SemaphoreSlim writeLock, WalSync sync, StoreDurability durability)
    {
        _writeLock = writeLock;
        _connectionString = connectionString;
        _busyMilliseconds = busyMilliseconds;
        _writer = writer;
        _sync = sync;
        Durability = durability;
    }

    /// <summary>Gets what a commit has survived when it returns.</summary>
    public StoreDurability Durability { get; }

    /// <summary>Gets the loop that syncs and checkpoints the log.</summary>
    internal WalSync Log => _sync;

    public static SqliteDatabase Open(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = CreateDirectoryFor(options.Path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,

            // The provider retries a busy statement until its command timeout (30 s unless set), on top of SQLite's
            // own busy_timeout; without this a locked store would hold every request for 30 s before it fails.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        var busy = (int)options.BusyTimeout.TotalMilliseconds;
        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            Execute(writer, $"PRAGMA busy_timeout = {busy.ToString(CultureInfo.InvariantCulture)}");
            Execute(writer, "PRAGMA journal_mode = WAL");
            Execute(writer, options.Durability == StoreDurability.Process ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL");
            Execute(writer, "PRAGMA wal_autocheckpoint = 0");
            Schema.Apply(writer);
            PagesWritten(writer);
            var writeLock = new SemaphoreSlim(1, 1);
            var sync = new WalSync(connectionString, path, options, writeLock);
            return new SqliteDatabase(connectionString, busy, writer, writeLock, sync, options.Durability);
        }
        catch (SqliteException error)
        {
            Close(writer);
            throw SqliteFailures.ToUnavailable(error);
        }
        catch
        {
            Close(writer);
            throw;
        }
    }

    /// <summary>Sets where the log's sync and checkpoint loop reports a failure.</summary>
    public void UseLogger(Microsoft.Extensions.Logging.ILogger logger) => _sync.Logger = logger;

    /// <summary>Runs <paramref name="work"/> on the writer connection, one caller at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(_writer, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw SqliteFailures.ToUnavailable(error);
        }
        finally
        {
            _sync.Committed(PagesWritten(_writer));
            _writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled reader connection.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                return await work(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException error)
            {
                throw SqliteFailures.ToUnavailable(error);
            }
        }
    }

    /// <summary>Opens a connection of its own, synchronously, for the few callers whose interface is synchronous (the console's key ring).</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {_busyMilliseconds.ToString(CultureInfo.InvariantCulture)}");
            return connection;
        }
        catch (SqliteException error)
        {
            Close(connection);
            throw SqliteFailures.ToUnavailable(error);
        }
    }

    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Execute(connection, $"PRAGMA busy_timeout = {_busyMilliseconds.ToString(CultureInfo.InvariantCulture)}");
            return connection;
        }
        catch (SqliteException error)
        {
            Close(connection);
            throw SqliteFailures.ToUnavailable(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        await _sync.DisposeAsync().ConfigureAwait(false);

        Close(_writer);
        _writeLock.Dispose();
    }

    private static string CreateDirectoryFor(string path)
    {
        try
        {
            var full = System.IO.Path.GetFullPath(path);
            var directory = System.IO.Path.GetDirectoryName(full)!;
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
                return full;
            }

            // The audit holds prompts and responses: a new store is its owner's alone (0600 in a 0700 folder). SQLite
            // gives the -wal and -shm files the database file's mode.
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            if (!File.Exists(full))
            {
                try
                {
                    using var created = new FileStream(full, new FileStreamOptions
                    {
                        Mode = FileMode.CreateNew,
                        Access = FileAccess.Write,
                        UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                    });
                }
                catch (IOException) when (File.Exists(full))
                {
                    // Another process created it first; it set the mode.
                }
            }

            return full;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new StoreUnavailableException(StoreFailure.CannotOpen, error);
        }
    }

    // The pages the connection wrote (into the log, in WAL mode) since the last call: SQLite's cache-write counter, read
    // and reset, one call without I/O.
    private static long PagesWritten(SqliteConnection connection)
    {
        SQLitePCL.raw.sqlite3_db_status(connection.Handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_WRITE, out var pages, out _, 1);
        return pages;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Pooled connections keep the file open; clearing the pool lets the file be moved or deleted after disposal.
    private static void Close(SqliteConnection connection)
    {
        SqliteConnection.ClearPool(connection);
        connection.Dispose();
    }
}
