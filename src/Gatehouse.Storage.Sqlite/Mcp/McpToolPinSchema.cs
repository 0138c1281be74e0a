namespace Gatehouse.Storage.Sqlite.Mcp;

/// <summary>Schema step 11: the pinned tool definitions of MCP connections (the PostgreSQL store's table, one to one).</summary>
/// <remarks>Additive: a file of an earlier version gains an empty table, so every connection's next listing is its first.</remarks>
internal static class McpToolPinSchema
{
    public const int Version = 11;

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS mcp_tool_pins (
            connection TEXT NOT NULL,
            tool TEXT NOT NULL,
            accepted_hash TEXT,
            accepted_definition TEXT,
            accepted_ticks INTEGER,
            accepted_by TEXT,
            pending_hash TEXT,
            pending_definition TEXT,
            pending_ticks INTEGER,
            PRIMARY KEY (connection, tool));
        """;
}
