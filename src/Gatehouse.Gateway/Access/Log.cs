using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Access;

/// <summary>Just-in-time access's log events (1500-1509): ids and codes only, never reasons or justifications.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning,
        Message = "Active grants of {Subject} could not be read ({Reason}); the exchange is decided without them")]
    public static partial void GrantsUnavailable(ILogger logger, string subject, string reason);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Error,
        Message = "Review event {Kind} of {ItemId} could not be written to the audit: {Reason}")]
    public static partial void AuditFailed(ILogger logger, string kind, string itemId, string reason);
}
