namespace Gatehouse.Agent;

internal static partial class Log
{
    [LoggerMessage(EventId = 1940, Level = LogLevel.Information, Message = "Agent dialling {Gateway} (upstreams: {Upstreams})")]
    public static partial void Dialling(ILogger logger, Uri gateway, string upstreams);

    [LoggerMessage(EventId = 1941, Level = LogLevel.Information, Message = "Tunnel to {Gateway} open")]
    public static partial void Connected(ILogger logger, Uri gateway);

    [LoggerMessage(EventId = 1942, Level = LogLevel.Warning, Message = "Tunnel to {Gateway} closed; dialling again in {Delay}")]
    public static partial void Lost(ILogger logger, Uri gateway, TimeSpan delay);

    [LoggerMessage(EventId = 1943, Level = LogLevel.Warning, Message = "Could not reach {Gateway} ({Reason}); dialling again in {Delay}")]
    public static partial void DialFailed(ILogger logger, Uri gateway, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 1944, Level = LogLevel.Error,
        Message = "The gateway {Gateway} refused the enrollment token ({Code}); the agent stops. Create a new token with 'gatehouse agents create' on the gateway")]
    public static partial void Refused(ILogger logger, Uri gateway, string code);

    [LoggerMessage(EventId = 1945, Level = LogLevel.Warning, Message = "Refused a request for upstream '{Key}', which is not in the agent's upstreams")]
    public static partial void UnknownUpstream(ILogger logger, string key);

    [LoggerMessage(EventId = 1946, Level = LogLevel.Warning, Message = "Forwarding to upstream '{Key}' failed: {Error}")]
    public static partial void ForwardFailed(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 1947, Level = LogLevel.Error,
        Message = "The gateway {Gateway} refused the agent's client certificate ({Code}); the agent stops. Give it a certificate from the CA the gateway trusts for agents (agents.clientCaFile)")]
    public static partial void CertificateRefused(ILogger logger, Uri gateway, string code);
}
