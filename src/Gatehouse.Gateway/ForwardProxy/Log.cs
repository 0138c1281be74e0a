using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.ForwardProxy;

/// <summary>The forward proxy's log events (1900-1919). Hosts, codes, sizes and subjects only: never a credential or content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1900, Level = LogLevel.Information, Message = "Forward proxy listening on {Listen}: {Intercepted} intercepted host patterns, {Tunnelled} tunnelled, default {Default}")]
    public static partial void Listening(ILogger logger, string listen, int intercepted, int tunnelled, string @default);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "proxy.allowPrivateTargets is on: tunnels may reach loopback and private addresses of the gateway's network. Use it for tests only.")]
    public static partial void PrivateTargetsAllowed(ILogger logger);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Information, Message = "Proxy CONNECT to {Host}:{Port} refused with {Status}: {Code} (subject {Subject})")]
    public static partial void ConnectRefused(ILogger logger, string host, int port, int status, string code, string subject);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Debug, Message = "Proxy intercepting {Host} for connection {Connection} (subject {Subject})")]
    public static partial void Intercepting(ILogger logger, string host, string connection, string subject);

    [LoggerMessage(EventId = 1904, Level = LogLevel.Information, Message = "Proxy TLS handshake for {Host} failed: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string host, string reason);

    [LoggerMessage(EventId = 1905, Level = LogLevel.Information, Message = "Proxy tunnel {TunnelId} to {Host}:{Port} closed after {Duration}: {BytesUp} bytes up, {BytesDown} bytes down (subject {Subject})")]
    public static partial void TunnelClosed(ILogger logger, string tunnelId, string host, int port, TimeSpan duration, long bytesUp, long bytesDown, string subject);

    [LoggerMessage(EventId = 1906, Level = LogLevel.Error, Message = "Proxy tunnel to {Host} refused with 503: its opening could not be written to the audit ({Reason})")]
    public static partial void TunnelNotAudited(ILogger logger, string host, string reason);

    [LoggerMessage(EventId = 1907, Level = LogLevel.Error, Message = "Proxy tunnel {TunnelId} closed but its closing could not be written to the audit: {Reason}")]
    public static partial void TunnelCloseNotAudited(ILogger logger, string tunnelId, string reason);

    [LoggerMessage(EventId = 1908, Level = LogLevel.Information, Message = "Proxy caller refused: {Code}")]
    public static partial void ProxyUnauthenticated(ILogger logger, string code);
}
