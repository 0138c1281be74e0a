using Microsoft.Data.Sqlite;

namespace Gatehouse.LoadBench;

/// <summary>What the gateway's audit holds after the run, read straight from its SQLite file.</summary>
internal sealed record AuditCount(long Entries, long Intents, long Outcomes, long Interrupted, long IntentsWithoutEnd, long Ok)
{
    /// <summary>Gets the number of entries so far (the last sequence number), cheap enough to read while the gateway runs.</summary>
    public static long LastSequence(string database)
    {
        using var connection = Open(database);
        return Scalar(connection, "SELECT coalesce(max(seq), 0) FROM audit_entries");
    }

    public static AuditCount Read(string database)
    {
        using var connection = Open(database);
        return new AuditCount(
            Scalar(connection, "SELECT count(*) FROM audit_entries"),
            Scalar(connection, "SELECT count(*) FROM audit_entries WHERE kind = 'exchange.intent'"),
            Scalar(connection, "SELECT count(*) FROM audit_entries WHERE kind = 'exchange.outcome'"),
            Scalar(connection, "SELECT count(*) FROM audit_entries WHERE kind = 'exchange.interrupted'"),
            Scalar(connection, """
                SELECT count(*) FROM audit_entries i WHERE i.kind = 'exchange.intent' AND NOT EXISTS (
                    SELECT 1 FROM audit_entries o WHERE o.exchange_id = i.exchange_id AND o.kind IN ('exchange.outcome', 'exchange.interrupted'))
                """),
            Scalar(connection, "SELECT count(*) FROM audit_entries WHERE kind = 'exchange.outcome' AND status = 200"));
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
