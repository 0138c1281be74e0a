using Microsoft.Data.Sqlite;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>Holds the database's write lock from another connection, as another process could: no audit write succeeds.</summary>
public sealed class StoreLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private StoreLock(SqliteConnection connection)
    {
        _connection = connection;
    }

    public static async Task<StoreLock> TakeAsync(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE";
        await begin.ExecuteNonQueryAsync();
        return new StoreLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the connection rolls the empty transaction back and frees the lock.
        await _connection.DisposeAsync();
    }
}
