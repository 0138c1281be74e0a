using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Console;

/// <summary>The console's log lines (events 1700-1709). Subjects are logged; tokens, codes and cookies never are.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Console sign-in of {Subject}")]
    public static partial void SignedIn(ILogger logger, string subject);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "Console sign-in failed ({Reason})")]
    public static partial void SignInFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Information, Message = "Console review of {ApprovalId} by {Subject}: {Decision}")]
    public static partial void Reviewed(ILogger logger, string approvalId, string subject, string decision);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Warning, Message = "Console review of {ApprovalId} by {Subject} refused: {Code}")]
    public static partial void ReviewRefused(ILogger logger, string approvalId, string subject, string code);

    [LoggerMessage(EventId = 1704, Level = LogLevel.Warning, Message = "Console form refused: missing or invalid antiforgery token on {Path}")]
    public static partial void AntiforgeryRefused(ILogger logger, string path);
}
