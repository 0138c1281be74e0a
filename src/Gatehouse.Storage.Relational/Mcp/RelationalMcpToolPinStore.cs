using System.Data.Common;
using Gatehouse.Storage.Mcp;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Mcp;

/// <summary>Pinned MCP tool definitions in a relational store (the <c>mcp_tool_pins</c> table): the one implementation both providers derive from.</summary>
/// <remarks>
/// Each change reads the connection's rows in its write transaction, locked (<see cref="IRelationalDatabase.LockRows"/>),
/// and writes only what differs, so two listings of one new definition record it pending once. Inserts ignore a row
/// another writer added first (two replicas pinning a connection's first listing together).
/// </remarks>
public abstract class RelationalMcpToolPinStore : IMcpToolPinStore
{
    private const string Columns = "connection, tool, accepted_hash, accepted_definition, accepted_ticks, accepted_by, pending_hash, pending_definition, pending_ticks";

    private readonly IRelationalDatabase _database;

    private protected RelationalMcpToolPinStore(IRelationalDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<McpToolPin>> ListAsync(string connection, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connection);
        return _database.ReadAsync((db, ct) => SelectAsync(db, null, connection, "", ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<McpToolChange>> ObserveAsync(
        string connection, IReadOnlyList<McpToolObservation> tools, bool pinNew, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connection);
        ArgumentNullException.ThrowIfNull(tools);
        return _database.WriteAsync<IReadOnlyList<McpToolChange>>(
            async (db, transaction, ct) =>
            {
                var pins = (await SelectAsync(db, transaction, connection, _database.LockRows, ct).ConfigureAwait(false))
                    .ToDictionary(p => p.Tool, StringComparer.Ordinal);
                var first = pins.Count == 0;
                var changes = new List<McpToolChange>();
                foreach (var tool in tools.DistinctBy(t => t.Tool, StringComparer.Ordinal))
                {
                    if (!pins.TryGetValue(tool.Tool, out var pin))
                    {
                        var accept = first || pinNew;
                        await InsertAsync(db, transaction, connection, tool, accept ? (first ? McpToolPin.FirstListing : McpToolPin.TrustedNew) : null, at, ct)
                            .ConfigureAwait(false);
                        changes.Add(new McpToolChange(tool.Tool, accept ? McpToolChangeKind.Pinned : McpToolChangeKind.Added, null, tool.Hash));
                    }
                    else if (tool.Hash == pin.AcceptedHash)
                    {
                        if (pin.PendingHash is not null)
                        {
                            await SetPendingAsync(db, transaction, connection, tool.Tool, null, at, ct).ConfigureAwait(false);
                            changes.Add(new McpToolChange(tool.Tool, McpToolChangeKind.Reverted, pin.AcceptedHash, tool.Hash));
                        }
                    }
                    else if (tool.Hash != pin.PendingHash)
                    {
                        await SetPendingAsync(db, transaction, connection, tool.Tool, tool, at, ct).ConfigureAwait(false);
                        var kind = pin.AcceptedHash is null ? McpToolChangeKind.Added : McpToolChangeKind.Changed;
                        changes.Add(new McpToolChange(tool.Tool, kind, pin.AcceptedHash, tool.Hash));
                    }
                }

                return changes;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<McpToolChange>> AcceptAsync(
        string connection, string? tool, string? expectedHash, string acceptedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connection);
        ArgumentException.ThrowIfNullOrEmpty(acceptedBy);
        return _database.WriteAsync<IReadOnlyList<McpToolChange>>(
            async (db, transaction, ct) =>
            {
                var pins = await SelectAsync(db, transaction, connection, _database.LockRows, ct).ConfigureAwait(false);
                var changes = new List<McpToolChange>();
                foreach (var pin in pins)
                {
                    if (pin.PendingHash is not { } pending || (tool is not null && pin.Tool != tool) || (expectedHash is not null && pending != expectedHash))
                    {
                        continue;
                    }

                    using var command = Command(db, transaction, """
                        UPDATE mcp_tool_pins SET accepted_hash = pending_hash, accepted_definition = pending_definition,
                            accepted_ticks = @at, accepted_by = @by, pending_hash = NULL, pending_definition = NULL, pending_ticks = NULL
                        WHERE connection = @connection AND tool = @tool AND pending_hash = @pending
                        """);
                    command.Add("@at", at.UtcTicks);
                    command.Add("@by", acceptedBy);
                    command.Add("@connection", connection);
                    command.Add("@tool", pin.Tool);
                    command.Add("@pending", pending);
                    if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
                    {
                        changes.Add(new McpToolChange(pin.Tool, McpToolChangeKind.Pinned, pin.AcceptedHash, pending));
                    }
                }

                return changes;
            },
            cancellationToken);
    }

    private static async Task InsertAsync(
        DbConnection db, DbTransaction transaction, string connection, McpToolObservation tool, string? acceptedBy, DateTimeOffset at, CancellationToken ct)
    {
        using var command = Command(db, transaction, $"""
            INSERT INTO mcp_tool_pins ({Columns}) VALUES (@connection, @tool, @ah, @ad, @at, @by, @ph, @pd, @pt)
            ON CONFLICT (connection, tool) DO NOTHING
            """);
        var accepted = acceptedBy is not null;
        command.Add("@connection", connection);
        command.Add("@tool", tool.Tool);
        command.Add("@ah", accepted ? tool.Hash : null);
        command.Add("@ad", accepted ? tool.Definition : null);
        command.Add("@at", accepted ? at.UtcTicks : null);
        command.Add("@by", acceptedBy);
        command.Add("@ph", accepted ? null : tool.Hash);
        command.Add("@pd", accepted ? null : tool.Definition);
        command.Add("@pt", accepted ? null : at.UtcTicks);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task SetPendingAsync(
        DbConnection db, DbTransaction transaction, string connection, string tool, McpToolObservation? pending, DateTimeOffset at, CancellationToken ct)
    {
        using var command = Command(db, transaction,
            "UPDATE mcp_tool_pins SET pending_hash = @ph, pending_definition = @pd, pending_ticks = @pt WHERE connection = @connection AND tool = @tool");
        command.Add("@ph", pending?.Hash);
        command.Add("@pd", pending?.Definition);
        command.Add("@pt", pending is null ? null : at.UtcTicks);
        command.Add("@connection", connection);
        command.Add("@tool", tool);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<McpToolPin>> SelectAsync(
        DbConnection db, DbTransaction? transaction, string connection, string lockRows, CancellationToken ct)
    {
        using var command = Command(db, transaction, $"SELECT {Columns} FROM mcp_tool_pins WHERE connection = @connection ORDER BY tool{lockRows}");
        command.Add("@connection", connection);
        using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var pins = new List<McpToolPin>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            pins.Add(new McpToolPin(
                reader.GetString(0),
                reader.GetString(1),
                Text(reader, 2),
                Text(reader, 3),
                Time(reader, 4),
                Text(reader, 5),
                Text(reader, 6),
                Text(reader, 7),
                Time(reader, 8)));
        }

        return pins;
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static DateTimeOffset? Time(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : new DateTimeOffset(reader.GetInt64(column), TimeSpan.Zero);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
