namespace Gatehouse.Export.Transports;

/// <summary>One audit entry, formatted for a sink.</summary>
/// <param name="Sequence">The audit log sequence the event came from; consecutive events of a sink never skip one.</param>
/// <param name="Time">When the audit entry was recorded.</param>
/// <param name="Kind">The audit entry kind (<c>exchange.intent</c>, <c>approval.review</c>, ...).</param>
/// <param name="Severity">The event's severity, 0 (debug) to 7 (emergency) as in syslog's reversed scale: see <see cref="ExportSeverity"/>.</param>
/// <param name="Payload">The formatted event as UTF-8, one line without its line ending (JSON, OCSF JSON or CEF).</param>
/// <param name="IsJson">Whether <paramref name="Payload"/> is a JSON object (transports that wrap events embed it as an object, not a string).</param>
public sealed record ExportEvent(long Sequence, DateTimeOffset Time, string Kind, ExportSeverity Severity, ReadOnlyMemory<byte> Payload, bool IsJson);
