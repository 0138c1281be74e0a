namespace Gatehouse.Gateway.Configuration;

/// <summary>Which callers share a stdio MCP server's process.</summary>
public enum McpStdioScope
{
    /// <summary>One process serves every caller of the connection.</summary>
    Connection,

    /// <summary>Each caller (principal) gets a process of its own, for servers that keep user state.</summary>
    Caller,
}
