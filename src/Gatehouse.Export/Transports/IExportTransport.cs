namespace Gatehouse.Export.Transports;

/// <summary>Carries formatted audit events to one destination (a file, a syslog server, Splunk HEC, a webhook, OTLP).</summary>
/// <remarks>
/// Delivery is at-least-once: the exporter hands a batch over, and moves the sink's durable cursor past it only when
/// <see cref="DeliverAsync"/> has completed. A transport that cannot tell whether the destination kept the events
/// must throw, so the batch is sent again.
/// </remarks>
public interface IExportTransport : IAsyncDisposable
{
    /// <summary>
    /// Delivers <paramref name="batch"/> in order; completes only once the destination has accepted (and, where the
    /// protocol allows, acknowledged) every event.
    /// </summary>
    /// <exception cref="ExportDeliveryException">The destination refused the batch or could not be reached.</exception>
    ValueTask DeliverAsync(IReadOnlyList<ExportEvent> batch, CancellationToken cancellationToken);
}
