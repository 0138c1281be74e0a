using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Reviews;

/// <summary>The review workflow's log events (1520-1529): kinds and ids only, never content or justifications.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1520, Level = LogLevel.Warning,
        Message = "Review timeouts of kind {Kind} could not be swept: the store is unavailable; the next sweep tries again")]
    public static partial void SweepDeferred(ILogger logger, string kind);
}
