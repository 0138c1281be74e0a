using Microsoft.Extensions.Logging;

namespace Gatehouse.Policy.Reloading;

/// <summary>Log events of the policy provider, ids 1300-1399. Messages carry positions and reasons, never exchange content.</summary>
internal static partial class PolicyLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Policy {Source} loaded with {RuleCount} rules")]
    public static partial void Loaded(ILogger logger, string source, int ruleCount);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error,
        Message = "Policy {Source} has {ErrorCount} errors; keeping the last good policy")]
    public static partial void ReloadRejected(ILogger logger, string source, int errorCount);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "Policy error at {Source}:{Line}:{Column}: {Reason}")]
    public static partial void Error(ILogger logger, string source, int line, int column, string reason);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Debug, Message = "Policy {Source} changed on disk; reloading in {Debounce}")]
    public static partial void ChangeSeen(ILogger logger, string source, TimeSpan debounce);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Debug, Message = "Policy {Source} is unchanged; nothing to reload")]
    public static partial void Unchanged(ILogger logger, string source);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Critical, Message = "Policy {Source} has {ErrorCount} errors; cannot start")]
    public static partial void StartRejected(ILogger logger, string source, int errorCount);

    public static void Errors(ILogger logger, IReadOnlyList<PolicyDiagnostic> errors)
    {
        foreach (var error in errors)
        {
            Error(logger, error.Source, error.Line, error.Column, error.Message);
        }
    }
}
