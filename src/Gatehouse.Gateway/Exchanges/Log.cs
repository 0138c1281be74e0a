using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>The data path's log events (1100-1199). Names, codes and sizes only: never content or credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Caller refused: {Code}")]
    public static partial void Unauthenticated(ILogger logger, string code);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Exchange {ExchangeId} refused before forwarding: {Code} (connection {Connection}, subject {Subject})")]
    public static partial void Refused(ILogger logger, string exchangeId, string code, string connection, string subject);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error,
        Message = "Exchange {ExchangeId} refused with 503: the audit intent could not be written ({Reason})")]
    public static partial void IntentFailedClosed(ILogger logger, string exchangeId, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Exchange {ExchangeId} forwarded without a durable intent (audit.failureMode is open): {Reason}")]
    public static partial void IntentFailedOpen(ILogger logger, string exchangeId, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error,
        Message = "Exchange {ExchangeId} completed but its outcome could not be written to the audit: {Reason}")]
    public static partial void OutcomeFailed(ILogger logger, string exchangeId, string reason);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning,
        Message = "Exchange {ExchangeId} on {Connection} ended with {Failure}: {Detail}")]
    public static partial void ExchangeFailed(ILogger logger, string exchangeId, string connection, string failure, string detail);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug,
        Message = "Exchange {ExchangeId} on {Connection} ({Api}) ended with {Status} in {DurationMs:0.0} ms")]
    public static partial void ExchangeCompleted(ILogger logger, string exchangeId, string connection, string api, int status, double durationMs);
}
