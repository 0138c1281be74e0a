using Gatehouse.Storage.Sqlite.Approvals;
using Gatehouse.Storage.Sqlite.Audit;
using Gatehouse.Storage.Sqlite.Export;
using Gatehouse.Storage.Sqlite.Identity;
using Gatehouse.Storage.Sqlite.Integrity;
using Gatehouse.Storage.Sqlite.Leases;
using Gatehouse.Storage.Sqlite.Retention;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Database;

/// <summary>Creates the schema of a new database, upgrades an older one, and refuses one written by a newer version.</summary>
/// <remarks>
/// Every index costs each append, so there are few: the exchange id (merging intent and outcome) and the search filters
/// that select intents, partial on that kind so outcomes (half the log) pay for none of them. Listing newest first walks
/// the primary key backwards; the model filter (requested or answering) scans. Tags and statuses are indexed by
/// <see cref="SearchSchema"/>, off the append since step 14 (<see cref="TagIndexer"/>), bodies stored as parts by
/// <see cref="PartSchema"/>.
/// </remarks>
internal static class Schema
{
    public const int CurrentVersion = 14;

    private const string Version1 = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        CREATE TABLE audit_entries (
            seq INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            exchange_id TEXT NOT NULL,
            time_ticks INTEGER NOT NULL,
            subject TEXT,
            email TEXT,
            connection TEXT,
            model TEXT,
            status INTEGER,
            decision TEXT,
            payload BLOB NOT NULL,
            body BLOB,
            body_hash BLOB,
            prev_hash BLOB NOT NULL,
            hash BLOB NOT NULL);
        CREATE INDEX ix_audit_exchange ON audit_entries (exchange_id, kind);
        CREATE INDEX ix_audit_subject ON audit_entries (subject) WHERE kind = 'exchange.intent';
        CREATE INDEX ix_audit_email ON audit_entries (email) WHERE kind = 'exchange.intent';
        CREATE INDEX ix_audit_connection ON audit_entries (connection, seq) WHERE kind = 'exchange.intent';
        CREATE INDEX ix_audit_time ON audit_entries (time_ticks) WHERE kind = 'exchange.intent';
        CREATE TABLE audit_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL,
            hash BLOB NOT NULL);
        CREATE TABLE write_probe (id INTEGER PRIMARY KEY);
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            groups TEXT NOT NULL,
            secret_hash BLOB NOT NULL,
            created_ticks INTEGER NOT NULL,
            expires_ticks INTEGER,
            revoked_ticks INTEGER);
        INSERT INTO schema_version (version) VALUES (1);
        """;

    // Version 2: signed checkpoints of the log's Merkle tree. Additive, so a version 1 file upgrades in place.
    private const string Version2 = """
        CREATE TABLE IF NOT EXISTS audit_checkpoints (
            id INTEGER PRIMARY KEY,
            tree_size INTEGER NOT NULL,
            root_hash BLOB NOT NULL,
            time_unix INTEGER NOT NULL,
            key_id TEXT NOT NULL,
            signature BLOB NOT NULL);
        """;

    // Each later version is one step applied in order on top of whatever version the file has, in one transaction.
    private static readonly (int Version, string Sql)[] Steps =
    [
        (2, Version2),
        (ApprovalSchema.Version, ApprovalSchema.Sql),
        (SearchSchema.Version, SearchSchema.Sql),
        (ExportCursorSchema.Version, ExportCursorSchema.Sql),
        (RetentionSchema.Version, RetentionSchema.Sql),
        (PrincipalSchema.Version, ""),
        (PartSchema.Version, PartSchema.Sql),
        (LeaseSchema.Version, LeaseSchema.Sql),
        (Agents.AgentTokenSchema.Version, Agents.AgentTokenSchema.Sql),
        (Mcp.McpToolPinSchema.Version, Mcp.McpToolPinSchema.Sql),
        (CheckpointIndexSchema.Version, CheckpointIndexSchema.Sql),
        (KeyRing.KeyRingSchema.Version, KeyRing.KeyRingSchema.Sql),
        (TagCursorSchema.Version, TagCursorSchema.Sql),
    ];

    public static void Apply(SqliteConnection connection)
    {
        var version = ReadVersion(connection);
        if (version == CurrentVersion)
        {
            return;
        }

        if (version > CurrentVersion)
        {
            throw new StoreUnavailableException(StoreFailure.UnsupportedSchema);
        }

        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (version == 0)
        {
            command.CommandText = Version1;
            command.ExecuteNonQuery();
            version = 1;
        }

        foreach (var (stepVersion, sql) in Steps)
        {
            if (stepVersion > version)
            {
                command.CommandText = sql + $"\nUPDATE schema_version SET version = {stepVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
                command.ExecuteNonQuery();
                if (stepVersion == PrincipalSchema.Version)
                {
                    PrincipalSchema.Apply(connection, transaction);
                    RowAdoption.SealExisting(connection, transaction, TimeProvider.System.GetUtcNow());
                }
            }
        }

        transaction.Commit();
    }

    /// <summary>Reads the file's version; 0 for a new, empty file.</summary>
    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT max(version) FROM schema_version";
        return command.ExecuteScalar() is long version ? (int)version : 0;
    }
}
