namespace Gatehouse.Storage.Postgres.Mcp;

/// <summary>Schema step 8: the pinned tool definitions of MCP connections, shared by the replicas.</summary>
/// <remarks>Additive: an upgraded database gains an empty table, so every connection's next listing is its first.</remarks>
internal static class McpToolPinSchema
{
    public const int Version = 8;

    public const string Sql = """
        CREATE TABLE mcp_tool_pins (
            connection text NOT NULL,
            tool text NOT NULL,
            accepted_hash text,
            accepted_definition text,
            accepted_ticks bigint,
            accepted_by text,
            pending_hash text,
            pending_definition text,
            pending_ticks bigint,
            PRIMARY KEY (connection, tool))
        """;
}
