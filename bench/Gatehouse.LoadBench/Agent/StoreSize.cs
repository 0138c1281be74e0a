using Microsoft.Data.Sqlite;

namespace Gatehouse.LoadBench.Agent;

/// <summary>The size of a gateway's SQLite store on disk: the database and its write-ahead log, after a checkpoint.</summary>
internal static class StoreSize
{
    /// <summary>
    /// Checkpoints the write-ahead log into the database (TRUNCATE, so the log is emptied when no reader holds it) and
    /// returns the bytes of the database plus whatever log is left: what the store occupies.
    /// </summary>
    public static long Read(string database)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }

        return Length(database) + Length(database + "-wal");
    }

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
