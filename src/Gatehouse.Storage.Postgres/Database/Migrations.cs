using System.Globalization;
using Gatehouse.Storage.Postgres.Agents;
using Gatehouse.Storage.Postgres.Approvals;
using Gatehouse.Storage.Postgres.Audit;
using Gatehouse.Storage.Postgres.Export;
using Gatehouse.Storage.Postgres.Keys;
using Gatehouse.Storage.Postgres.Leases;
using Gatehouse.Storage.Postgres.Retention;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Database;

/// <summary>Creates the schema of a new database, upgrades an older one, and refuses one written by a newer release.</summary>
/// <remarks>
/// Each step is applied once, in order, each in its own transaction with the version it reaches. The whole run holds a
/// transaction-scoped advisory lock, so replicas starting together migrate one after the other: the second finds the
/// work done. Steps only add (tables, columns, indexes); a step that must rewrite rows says so in its own remarks.
/// </remarks>
internal static class Migrations
{
    /// <summary>The advisory lock key of migrations ("gatehous" as a big-endian 64-bit number).</summary>
    public const long LockKey = 0x6761746568_6f7573;

    private const string VersionTable = """
        CREATE TABLE IF NOT EXISTS gatehouse_schema (
            version integer NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())
        """;

    private static readonly (int Version, string Sql)[] Steps =
    [
        (AuditSchema.Version, AuditSchema.Sql),
        (ApiKeySchema.Version, ApiKeySchema.Sql),
        (ExportCursorSchema.Version, ExportCursorSchema.Sql),
        (ApprovalSchema.Version, ApprovalSchema.Sql),
        (LegalHoldSchema.Version, LegalHoldSchema.Sql),
        (LeaseSchema.Version, LeaseSchema.Sql),
        (AgentTokenSchema.Version, AgentTokenSchema.Sql),
        (Mcp.McpToolPinSchema.Version, Mcp.McpToolPinSchema.Sql),
        (CheckpointIndexSchema.Version, CheckpointIndexSchema.Sql),
        (AppendFunctionSchema.Version, AppendFunctionSchema.Sql),
        (KeyRing.KeyRingSchema.Version, KeyRing.KeyRingSchema.Sql),
        (TaggedAppendFunctionSchema.Version, TaggedAppendFunctionSchema.Sql),
    ];

    /// <summary>Gets the schema version this release writes.</summary>
    public static int CurrentVersion => Steps[^1].Version;

    public static async Task<int> ApplyAsync(NpgsqlConnection connection, bool migrate, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, VersionTable, cancellationToken).ConfigureAwait(false);
            var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (version > CurrentVersion)
            {
                throw new StoreUnavailableException(StoreFailure.UnsupportedSchema);
            }

            if (version < CurrentVersion && !migrate)
            {
                throw new StoreUnavailableException(
                    "the PostgreSQL store's schema is older than this release and migrations are disabled: run 'gatehouse migrate'");
            }

            foreach (var (stepVersion, sql) in Steps)
            {
                if (stepVersion > version)
                {
                    var stamp = stepVersion.ToString(CultureInfo.InvariantCulture);
                    await ExecuteAsync(connection, transaction, sql + $";\nINSERT INTO gatehouse_schema (version) VALUES ({stamp})", cancellationToken)
                        .ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return version;
        }
    }

    /// <summary>Reads the database's version without changing anything; 0 when it has no Gatehouse schema yet.</summary>
    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        using (var exists = new NpgsqlCommand("SELECT to_regclass('gatehouse_schema') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return 0;
            }
        }

        return await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM gatehouse_schema", connection, transaction);
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
