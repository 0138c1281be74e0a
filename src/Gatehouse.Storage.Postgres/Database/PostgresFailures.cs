using Npgsql;

namespace Gatehouse.Storage.Postgres.Database;

/// <summary>Maps Npgsql's failures to <see cref="StoreUnavailableException"/>, whose message names no content and no connection detail.</summary>
internal static class PostgresFailures
{
    public static StoreUnavailableException ToUnavailable(Exception error) => error switch
    {
        StoreUnavailableException unavailable => unavailable,
        PostgresException { SqlState: "53100" } => new StoreUnavailableException(StoreFailure.DiskFull, error),
        PostgresException { SqlState: "XX001" } => new StoreUnavailableException(StoreFailure.Corrupt, error),
        PostgresException { SqlState: "25006" } => new StoreUnavailableException(StoreFailure.ReadOnly, error),
        PostgresException { SqlState: "55P03" or "40P01" or "57014" } => new StoreUnavailableException(StoreFailure.Busy, error),
        PostgresException { SqlState: "28P01" or "28000" or "3D000" } => new StoreUnavailableException(StoreFailure.CannotOpen, error),
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException }
            => new StoreUnavailableException(StoreFailure.CannotOpen, error),
        _ => new StoreUnavailableException(StoreFailure.IoError, error),
    };

    /// <summary>Whether <paramref name="error"/> is one the store reports as unavailable rather than a bug.</summary>
    public static bool IsStoreError(Exception error) =>
        error is NpgsqlException or StoreUnavailableException or System.Net.Sockets.SocketException or TimeoutException;
}
