using Gatehouse.Audit.Store;
using Gatehouse.Export.Cursors;
using Gatehouse.Export.Running;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Transports;
using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Export;

/// <summary>Runs one export loop per configured sink beside the data path, for the life of the host.</summary>
/// <remarks>
/// A sink whose loop fails with a bug is logged and stopped alone: the gateway and the other sinks keep running, and
/// the sink resumes from its saved cursor at the next start.
/// </remarks>
internal sealed partial class ExportService(
    ExportConfig config,
    IAuditStore store,
    IExportCursorStore cursors,
    ExportMetrics metrics,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ExportService>();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(config.Sinks.Select(sink => RunSinkAsync(sink, stoppingToken)));

    private async Task RunSinkAsync(ExportSinkConfig sink, CancellationToken stoppingToken)
    {
        // Leave the host's start-up path before the first read.
        await Task.Yield();
        IExportTransport? transport = null;
        try
        {
            transport = sink.Transport.Create(new ExportTransportContext(sink.Name, time, loggerFactory));
            var exporter = new SinkExporter(sink, store, cursors, transport, metrics, time, loggerFactory.CreateLogger("Gatehouse.Export." + sink.Name));
            await exporter.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // One sink's bug must not stop the gateway or the other sinks; it is logged as an error.
        catch (Exception error)
#pragma warning restore CA1031
        {
            SinkCrashed(_logger, sink.Name, error);
        }
        finally
        {
            if (transport is not null)
            {
                await transport.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 1810, Level = LogLevel.Error, Message = "Export sink {Sink} stopped on an unexpected error")]
    private static partial void SinkCrashed(ILogger logger, string sink, Exception error);
}
