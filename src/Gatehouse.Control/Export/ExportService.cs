using Gatehouse.Audit.Store;
using Gatehouse.Export.Cursors;
using Gatehouse.Export.Running;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Transports;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Leases;
using Gatehouse.Storage.Leases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Export;

/// <summary>Runs one export loop per configured sink beside the data path, for the life of the host.</summary>
/// <remarks>
/// A sink whose loop fails with a bug is logged and stopped alone: the gateway and the other sinks keep running, and
/// the sink resumes from its saved cursor at the next start.
/// <para>
/// Each sink exports on the one replica holding its lease (<see cref="LeaseNames.Export"/>). A replica that takes the
/// lease starts from the cursor in the store, the source of truth, and stops the moment its holding ends; what the
/// previous holder delivered but had not yet saved is delivered again (at-least-once, never a gap).
/// </para>
/// </remarks>
internal sealed partial class ExportService(
    ExportConfig config,
    IAuditStore store,
    IExportCursorStore cursors,
    ExportMetrics metrics,
    LeaseKeeper leases,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ExportService>();
    private readonly HeldLease[] _leases = [.. config.Sinks.Select(s => leases.For(LeaseNames.Export(s.Name)))];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(config.Sinks.Select((sink, i) => RunSinkAsync(sink, _leases[i], stoppingToken)));

    private async Task RunSinkAsync(ExportSinkConfig sink, HeldLease lease, CancellationToken stoppingToken)
    {
        // Leave the host's start-up path before the first read.
        await Task.Yield();
        try
        {
            while (true)
            {
                var holding = await lease.WaitAsync(stoppingToken).ConfigureAwait(false);
                using var holdingStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, holding.Lost);
                if (!await RunHoldingAsync(sink, holdingStop.Token).ConfigureAwait(false) || stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                SinkHandedOver(_logger, sink.Name);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Exports while <paramref name="cancellationToken"/> lasts; returns false when the sink stopped on a bug.</summary>
    private async Task<bool> RunHoldingAsync(ExportSinkConfig sink, CancellationToken cancellationToken)
    {
        IExportTransport? transport = null;
        try
        {
            transport = sink.Transport.Create(new ExportTransportContext(sink.Name, time, loggerFactory));
            var exporter = new SinkExporter(sink, store, cursors, transport, metrics, time, loggerFactory.CreateLogger("Gatehouse.Export." + sink.Name));
            await exporter.RunAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true;
        }
#pragma warning disable CA1031 // One sink's bug must not stop the gateway or the other sinks; it is logged as an error.
        catch (Exception error)
#pragma warning restore CA1031
        {
            SinkCrashed(_logger, sink.Name, error);
            return false;
        }
        finally
        {
            if (transport is not null)
            {
                await transport.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 1811, Level = LogLevel.Information, Message = "Export sink {Sink} stopped here: its lease ended")]
    private static partial void SinkHandedOver(ILogger logger, string sink);

    [LoggerMessage(EventId = 1810, Level = LogLevel.Error, Message = "Export sink {Sink} stopped on an unexpected error")]
    private static partial void SinkCrashed(ILogger logger, string sink, Exception error);
}
