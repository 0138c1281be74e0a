using Microsoft.Extensions.Logging;

namespace Gatehouse.Export.Running;

/// <summary>The export's log events (1600-1619): sink names, sequences, counts and error types, never event content.</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 1800, Level = LogLevel.Information, Message = "Export sink {Sink} starts after sequence {Cursor}")]
    public static partial void Starting(ILogger logger, string sink, long cursor);

    [LoggerMessage(EventId = 1801, Level = LogLevel.Warning,
        Message = "Export sink {Sink} failed to {Stage} (attempt {Attempt}); retrying in {Delay}: {Reason}")]
    public static partial void Failed(ILogger logger, string sink, string stage, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Information, Message = "Export sink {Sink} recovered after {Attempts} failed attempts")]
    public static partial void Recovered(ILogger logger, string sink, int attempts);

    [LoggerMessage(EventId = 1803, Level = LogLevel.Warning,
        Message = "Export sink {Sink} expected sequence {Expected} but the log continues at {Found} (entries removed by retention?)")]
    public static partial void Skipped(ILogger logger, string sink, long expected, long found);

    [LoggerMessage(EventId = 1804, Level = LogLevel.Debug, Message = "Export sink {Sink} delivered {Count} events through sequence {Cursor}")]
    public static partial void Delivered(ILogger logger, string sink, int count, long cursor);

    [LoggerMessage(EventId = 1805, Level = LogLevel.Information, Message = "Export sink {Sink} stopped at sequence {Cursor}")]
    public static partial void Stopped(ILogger logger, string sink, long cursor);
}
