using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Pinning;

/// <summary>Log messages of MCP tool pinning (event ids 1960-1969); tool names and hashes, never a definition.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1980, Level = LogLevel.Warning,
        Message = "MCP tool '{Tool}' on connection '{Connection}' {Change}: hidden and refused until an admin accepts it (hash {Hash})")]
    public static partial void ToolPending(ILogger logger, string connection, string tool, string change, string hash);

    [LoggerMessage(EventId = 1981, Level = LogLevel.Information,
        Message = "MCP tool '{Tool}' on connection '{Connection}' accepted by {AcceptedBy} (hash {Hash})")]
    public static partial void ToolAccepted(ILogger logger, string connection, string tool, string acceptedBy, string hash);

    [LoggerMessage(EventId = 1982, Level = LogLevel.Error,
        Message = "The tool pins of MCP connection '{Connection}' could not be read or written; the request was refused")]
    public static partial void PinsUnavailable(ILogger logger, string connection, Exception error);

    [LoggerMessage(EventId = 1983, Level = LogLevel.Error, Message = "The audit entry {Kind} for MCP tool '{Tool}' was not written: {Error}")]
    public static partial void AuditFailed(ILogger logger, string kind, string tool, string error);
}
