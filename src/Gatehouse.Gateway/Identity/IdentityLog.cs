using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Identity;

/// <summary>The identity feature's log events (ids 1000-1099): subjects, methods and result codes, never credentials.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Caller {Subject} identified by {Method}")]
    public static partial void Identified(ILogger logger, string subject, string method);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Caller refused: {Code}")]
    public static partial void Refused(ILogger logger, string code);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Token refused by issuer scheme {Scheme}: {Code} ({Reason})")]
    public static partial void TokenRefused(ILogger logger, string scheme, string code, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Issuer scheme {Scheme} could not fetch its discovery document or keys")]
    public static partial void IssuerUnavailable(ILogger logger, string scheme, Exception error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "The API key store could not be read; key callers are refused")]
    public static partial void KeyStoreUnavailable(ILogger logger, Exception error);
}
