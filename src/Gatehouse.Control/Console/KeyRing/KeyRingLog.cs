using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Console.KeyRing;

/// <summary>The console key ring's log lines (event 1710). Element names are logged; their content never is.</summary>
internal static partial class KeyRingLog
{
    [LoggerMessage(EventId = 1710, Level = LogLevel.Warning, Message = "Console key ring element {Name} left out: {Reason}")]
    public static partial void ElementSkipped(ILogger logger, string name, string reason);
}
