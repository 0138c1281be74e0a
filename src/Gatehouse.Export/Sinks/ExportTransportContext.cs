using Microsoft.Extensions.Logging;

namespace Gatehouse.Export.Sinks;

/// <summary>What a transport may need from the host when it is opened.</summary>
/// <param name="SinkName">The sink the transport serves (for its log lines and metric tags).</param>
/// <param name="Time">The clock (timeouts, acknowledgement polling).</param>
/// <param name="LoggerFactory">Loggers for the transport's own events.</param>
public sealed record ExportTransportContext(string SinkName, TimeProvider Time, ILoggerFactory LoggerFactory);
