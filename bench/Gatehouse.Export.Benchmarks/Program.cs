using System.Diagnostics;
using System.Globalization;
using Gatehouse.Export.Benchmarks;
using Gatehouse.Export.Running;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Transports.File;
using Gatehouse.Storage.Sqlite;
using Gatehouse.Storage.Sqlite.Export;
using Microsoft.Extensions.Logging.Abstractions;

// Exports N pre-written entries from a SQLite store to a JSON Lines file (each batch fsynced, then the cursor saved),
// once per format, and reads the same entries without exporting them as the baseline of the same run.
// Usage: dotnet run -c Release --project bench/Gatehouse.Export.Benchmarks -- [ENTRIES] [BATCH]
var entries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : ExportSinkConfig.DefaultBatchSize;
var directory = Path.Combine(Path.GetTempPath(), "gatehouse-export-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
try
{
    await using var store = SqliteStore.Open(Path.Combine(directory, "gatehouse.db"));
    await SampleLog.FillAsync(store, entries, TimeProvider.System);

    var readCpu = CpuTime();
    var read = Stopwatch.StartNew();
    for (var cursor = 0L; await store.ReadAfterAsync(cursor, batch, CancellationToken.None) is { Count: > 0 } page; cursor = page[^1].Sequence)
    {
    }

    read.Stop();
    readCpu = CpuTime() - readCpu;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"baseline, read only: {entries / read.Elapsed.TotalSeconds:N0} entries/s ({entries / readCpu.TotalSeconds:N0} per CPU-second)"));
    foreach (var format in new[] { ExportFormat.Json, ExportFormat.Ocsf, ExportFormat.Cef })
    {
        var cpu = CpuTime();
        var elapsed = await ExportAsync(store, directory, format, entries, batch);
        cpu = CpuTime() - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export {format.ToString().ToLowerInvariant(),-4} to JSON Lines, batch {batch}: {entries / elapsed.TotalSeconds:N0} events/s over {entries:N0} ({entries / cpu.TotalSeconds:N0} per CPU-second; {read.Elapsed / elapsed:P0} of the read-only rate)"));
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

static async Task<TimeSpan> ExportAsync(SqliteStore store, string directory, ExportFormat format, int entries, int batch)
{
    var path = Path.Combine(directory, $"export-{format}.jsonl");
    var sink = new ExportSinkConfig
    {
        Name = "bench-" + format,
        Format = format,
        BatchSize = batch,
        Transport = new FileTransportConfig { Path = path, MaxBytes = 1L << 40 },
    };
    using var meters = new BenchMeterFactory();
    await using var transport = sink.Transport.Create(new ExportTransportContext(sink.Name, TimeProvider.System, NullLoggerFactory.Instance));
    var exporter = new SinkExporter(sink, store, new SqliteExportCursorStore(store), transport, new ExportMetrics(meters),
        TimeProvider.System, NullLogger.Instance, new ExportRunOptions { PollInterval = TimeSpan.FromMilliseconds(1) });
    using var stop = new CancellationTokenSource();
    var clock = Stopwatch.StartNew();
    var run = exporter.RunAsync(stop.Token);
    while (exporter.Cursor < entries)
    {
        await Task.Delay(1);
    }

    clock.Stop();
    await stop.CancelAsync();
    try
    {
        await run;
    }
    catch (OperationCanceledException)
    {
    }

    return clock.Elapsed;
}
