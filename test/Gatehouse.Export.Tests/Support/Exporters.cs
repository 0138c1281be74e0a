using System.Runtime.CompilerServices;
using Gatehouse.Export.Running;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Transports;
using Gatehouse.Export.Transports.File;
using Gatehouse.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatehouse.Export.Tests.Support;

internal static class Exporters
{
    public static readonly ExportRunOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(10), InitialBackoff = TimeSpan.FromMilliseconds(10) };

    public static SinkExporter Create(
        TempStore temp,
        IExportTransport transport,
        int batchSize = 500,
        ExportFormat format = ExportFormat.Json,
        TimeProvider? time = null,
        ExportMetrics? metrics = null,
        ExportRunOptions? options = null)
    {
        var sink = new ExportSinkConfig
        {
            Name = "siem",
            Format = format,
            BatchSize = batchSize,
            Transport = new FileTransportConfig { Path = Path.Combine(temp.Directory, "unused.jsonl") },
        };
        return new SinkExporter(sink, temp.Store, temp.Cursors, transport, metrics ?? new ExportMetrics(new TestMeterFactory()),
            time ?? TimeProvider.System, NullLogger.Instance, options ?? Fast);
    }

    /// <summary>Waits until <paramref name="condition"/> holds (failing, named by its expression, at <see cref="Eventually"/>'s deadline).</summary>
    public static Task UntilAsync(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string what = "")
        => Eventually.UntilAsync(condition, what);

    /// <summary>Cancels <paramref name="run"/> and waits for it to end.</summary>
    public static async Task StopAsync(Task run, CancellationTokenSource stop)
    {
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
