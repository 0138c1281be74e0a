using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Tests.Support;

/// <summary>A database path in a fresh temporary directory, removed with everything in it on disposal.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gatehouse-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, "nested", "gatehouse.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public SqliteStore Open() => SqliteStore.Open(Path);

    /// <summary>Opens a raw connection that bypasses the store, as an attacker with file access would.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Execute(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
