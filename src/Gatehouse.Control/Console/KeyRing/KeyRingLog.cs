using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Console.KeyRing;

/// <summary>The console key ring's log lines (events 1710-1711). Element names are logged; their content never is.</summary>
internal static partial class KeyRingLog
{
    [LoggerMessage(EventId = 1710, Level = LogLevel.Warning, Message = "Console key ring element {Name} left out: {Reason}")]
    public static partial void ElementSkipped(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 1711, Level = LogLevel.Information, Message = "Console key ring: a new key is stored unencrypted in the embedded store, "
        + "which only its owner may read (0600); set console.keyRingKey to encrypt the key ring")]
    public static partial void StoredUnencrypted(ILogger logger);
}
