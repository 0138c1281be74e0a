namespace Gatehouse.Gateway.Mcp.Pinning;

/// <summary>The body of <c>POST /api/mcp/tools/{connection}/accept</c>: which tool (all pending when null) and, optionally, which definition.</summary>
internal sealed record McpToolAcceptInput(string? Tool, string? Hash);
