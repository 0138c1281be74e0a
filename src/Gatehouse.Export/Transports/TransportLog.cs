using Microsoft.Extensions.Logging;

namespace Gatehouse.Export.Transports;

/// <summary>The network transports' log events (1650-1699): destinations and reasons, never event content or secrets.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 1650, Level = LogLevel.Information, Message = "Export connection to {Destination} established")]
    public static partial void Connected(ILogger logger, string destination);

    [LoggerMessage(EventId = 1651, Level = LogLevel.Warning,
        Message = "Export connection to {Destination} lost ({Reason}); it is opened again for the next batch")]
    public static partial void ConnectionLost(ILogger logger, string destination, string reason);

    [LoggerMessage(EventId = 1652, Level = LogLevel.Warning,
        Message = "Syslog message of sequence {Sequence} to {Destination} truncated from {Length} to {Limit} bytes to fit one datagram")]
    public static partial void DatagramTruncated(ILogger logger, long sequence, string destination, int length, int limit);

    [LoggerMessage(EventId = 1653, Level = LogLevel.Debug,
        Message = "Splunk HEC at {Destination} acknowledged ack id {AckId} after {Polls} polls")]
    public static partial void HecAcknowledged(ILogger logger, string destination, long ackId, int polls);
}
