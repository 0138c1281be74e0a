using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Bridge;

/// <summary>Log events 1960-1979: MCP servers the gateway runs (stdio) or reaches over HTTP+SSE. Never arguments, environment values or message content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1960, Level = LogLevel.Information, Message = "MCP server of connection '{Connection}' starting (after {Delay})")]
    public static partial void Starting(ILogger logger, string connection, TimeSpan delay);

    [LoggerMessage(EventId = 1961, Level = LogLevel.Information, Message = "MCP server of connection '{Connection}' started: {Command}, process {ProcessId}")]
    public static partial void ProcessStarted(ILogger logger, string connection, string command, int processId);

    [LoggerMessage(EventId = 1962, Level = LogLevel.Warning, Message = "MCP server of connection '{Connection}' (process {ProcessId}) exited with code {ExitCode}")]
    public static partial void ProcessExited(ILogger logger, string connection, int processId, int exitCode);

    [LoggerMessage(EventId = 1963, Level = LogLevel.Error, Message = "MCP server of connection '{Connection}' could not be started: {Reason}")]
    public static partial void StartFailed(ILogger logger, string connection, string reason);

    [LoggerMessage(EventId = 1964, Level = LogLevel.Debug, Message = "MCP server of connection '{Connection}' stderr: {Line}")]
    public static partial void Stderr(ILogger logger, string connection, string line);

    [LoggerMessage(EventId = 1965, Level = LogLevel.Information, Message = "MCP server of connection '{Connection}' initialized (revision {Version})")]
    public static partial void Initialized(ILogger logger, string connection, string version);

    [LoggerMessage(EventId = 1966, Level = LogLevel.Debug, Message = "MCP server of connection '{Connection}' sent a request ({Method}) that the gateway answered with method-not-found")]
    public static partial void ServerRequestRefused(ILogger logger, string connection, string method);

    [LoggerMessage(EventId = 1967, Level = LogLevel.Debug, Message = "MCP server of connection '{Connection}' sent a notification ({Method}) for no open request; dropped")]
    public static partial void NotificationDropped(ILogger logger, string connection, string method);

    [LoggerMessage(EventId = 1968, Level = LogLevel.Debug, Message = "MCP server of connection '{Connection}' sent a response for no open request; dropped")]
    public static partial void Unmatched(ILogger logger, string connection);

    [LoggerMessage(EventId = 1969, Level = LogLevel.Warning, Message = "MCP server of connection '{Connection}' broke the transport ({Reason}); its channel was closed")]
    public static partial void ProtocolViolation(ILogger logger, string connection, string reason);

    [LoggerMessage(EventId = 1970, Level = LogLevel.Debug, Message = "A message to the MCP server of connection '{Connection}' was not sent: {Error}")]
    public static partial void SendFailed(ILogger logger, string connection, string error);

    [LoggerMessage(EventId = 1971, Level = LogLevel.Information, Message = "MCP server of connection '{Connection}' (process {ProcessId}) stopped: {How}")]
    public static partial void ProcessStopped(ILogger logger, string connection, int processId, string how);

    [LoggerMessage(EventId = 1972, Level = LogLevel.Information, Message = "MCP HTTP+SSE session of connection '{Connection}' opened")]
    public static partial void SseOpened(ILogger logger, string connection);

    [LoggerMessage(EventId = 1973, Level = LogLevel.Warning, Message = "MCP HTTP+SSE session of connection '{Connection}' ended: {Reason}")]
    public static partial void SseEnded(ILogger logger, string connection, string reason);

    [LoggerMessage(EventId = 1974, Level = LogLevel.Information, Message = "MCP server of connection '{Connection}' for a caller was stopped after {Idle} idle")]
    public static partial void Evicted(ILogger logger, string connection, TimeSpan idle);
}
