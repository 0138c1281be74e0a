using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>Response holds' log events (1750-1759). Ids, rules and sizes only: never content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1750, Level = LogLevel.Information,
        Message = "Exchange {ExchangeId}: response held for approval {ApprovalId} by rule {Rule} ({Bytes} bytes)")]
    public static partial void Held(ILogger logger, string exchangeId, string approvalId, string rule, int bytes);

    [LoggerMessage(EventId = 1751, Level = LogLevel.Information,
        Message = "Exchange {ExchangeId}: held response ended {Outcome} after {HeldMs:0} ms")]
    public static partial void Ended(ILogger logger, string exchangeId, string outcome, double heldMs);

    // Every exchange whose response a rule could have held ends here when none did: at Information this was one console
    // line per exchange, and the console logger's lock cost a tenth of the data path's CPU (docs/designs/data-path-profile.md).
    [LoggerMessage(EventId = 1754, Level = LogLevel.Debug,
        Message = "Exchange {ExchangeId}: response released unheld: no rule held it")]
    public static partial void Released(ILogger logger, string exchangeId);

    [LoggerMessage(EventId = 1752, Level = LogLevel.Warning,
        Message = "Exchange {ExchangeId}: response refused unreviewed: {Reason}")]
    public static partial void Unreviewable(ILogger logger, string exchangeId, string reason);

    [LoggerMessage(EventId = 1753, Level = LogLevel.Error,
        Message = "Exchange {ExchangeId}: a held response's audit entry could not be written, so it was refused")]
    public static partial void AuditFailed(ILogger logger, string exchangeId);
}
