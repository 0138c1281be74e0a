using Microsoft.Extensions.Logging;

namespace Gatehouse.Audit.Writing;

/// <summary>The audit writer's log lines (event ids 1200-1299); they carry counts and sequences, never content.</summary>
internal static partial class AuditWriterLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug,
        Message = "Audit batch of {Count} entries committed up to sequence {Sequence}")]
    public static partial void BatchCommitted(ILogger logger, int count, long sequence);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error,
        Message = "Audit batch of {Count} entries failed; its requests fail closed")]
    public static partial void BatchFailed(ILogger logger, int count, Exception error);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information,
        Message = "Audit writer stopped after draining its queue")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning,
        Message = "Audit append refused: the writer is stopped")]
    public static partial void AppendAfterStop(ILogger logger);
}
