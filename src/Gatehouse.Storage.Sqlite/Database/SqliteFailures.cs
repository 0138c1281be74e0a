using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Database;

/// <summary>Maps SQLite's result codes to the store's content-free failures.</summary>
internal static class SqliteFailures
{
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoErr = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADb = 26;

    public static StoreUnavailableException ToUnavailable(SqliteException error) =>
        new(Classify(error.SqliteErrorCode), error);

    public static StoreFailure Classify(int code) => (code & 0xFF) switch
    {
        ReadOnly or Perm => StoreFailure.ReadOnly,
        Full => StoreFailure.DiskFull,
        Busy or Locked => StoreFailure.Busy,
        Corrupt or NotADb => StoreFailure.Corrupt,
        CantOpen => StoreFailure.CannotOpen,
        _ => StoreFailure.IoError,
    };
}
