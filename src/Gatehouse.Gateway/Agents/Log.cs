using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Agents;

internal static partial class Log
{
    [LoggerMessage(EventId = 1930, Level = LogLevel.Information,
        Message = "Agent '{Agent}' connected from {RemoteAddress} (tunnel {Tunnel}, version {Version}, upstreams: {Upstreams})")]
    public static partial void Connected(ILogger logger, string agent, string? remoteAddress, string tunnel, string version, string upstreams);

    [LoggerMessage(EventId = 1931, Level = LogLevel.Information, Message = "Agent '{Agent}' disconnected (tunnel {Tunnel}): {Reason}")]
    public static partial void Disconnected(ILogger logger, string agent, string tunnel, string reason);

    [LoggerMessage(EventId = 1932, Level = LogLevel.Warning, Message = "Agent connection from {RemoteAddress} refused: {Code} (token id {TokenId})")]
    public static partial void Refused(ILogger logger, string? remoteAddress, string code, string? tokenId);

    [LoggerMessage(EventId = 1933, Level = LogLevel.Warning, Message = "Agent '{Agent}' did not answer its hello (tunnel {Tunnel}); the tunnel was closed")]
    public static partial void HelloFailed(ILogger logger, string agent, string tunnel, Exception error);

    [LoggerMessage(EventId = 1934, Level = LogLevel.Error, Message = "The audit entry {Kind} of agent tunnel {Tunnel} could not be written: {Error}")]
    public static partial void AuditFailed(ILogger logger, string kind, string tunnel, string error);
}
