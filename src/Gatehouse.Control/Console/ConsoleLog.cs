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

    [LoggerMessage(EventId = 1705, Level = LogLevel.Information, Message = "Console: {Subject} created API key {KeyName} ({KeyId})")]
    public static partial void KeyCreated(ILogger logger, string subject, string keyName, string keyId);

    [LoggerMessage(EventId = 1706, Level = LogLevel.Information, Message = "Console: {Subject} revoked API key {Key}")]
    public static partial void KeyRevoked(ILogger logger, string subject, string key);

    [LoggerMessage(EventId = 1707, Level = LogLevel.Information, Message = "Console: {Subject} placed legal hold {HoldId}")]
    public static partial void HoldPlaced(ILogger logger, string subject, string holdId);

    [LoggerMessage(EventId = 1708, Level = LogLevel.Information, Message = "Console: {Subject} released legal hold {HoldId}")]
    public static partial void HoldReleased(ILogger logger, string subject, string holdId);

    [LoggerMessage(EventId = 1709, Level = LogLevel.Information, Message = "Console: {Subject} verified the audit checkpoints; intact: {Intact}")]
    public static partial void CheckpointsVerified(ILogger logger, string subject, bool intact);
}
