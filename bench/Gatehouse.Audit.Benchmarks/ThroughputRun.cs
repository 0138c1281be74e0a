using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gatehouse.Audit.Writing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>Durable appends per second through the writer into a fresh store of either provider, with concurrent producers.</summary>
internal static class ThroughputRun
{
    public static async Task<(double PerSecond, double PerCpuSecond)> RunAsync(
        string directory, int records, int producers, AuditWriterOptions options, Gatehouse.Storage.StoreDurability durability, BenchProvider provider = BenchProvider.Sqlite)
    {
        using var meters = new BenchMeterFactory();
        var store = await BenchStore.OpenAsync(provider, directory, durability);
        var writer = new AuditWriter(store.Store, options, TimeProvider.System, meters, NullLogger<AuditWriter>.Instance);
        var next = -1;
        var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            // Each exchange is two durable records, an intent then its outcome, as on the data path.
            while (Interlocked.Add(ref next, 2) < records)
            {
                var id = Guid.CreateVersion7().ToString("N");
                Check(await writer.RecordIntentAsync(SampleExchanges.Intent(id), CancellationToken.None));
                Check(await writer.RecordOutcomeAsync(SampleExchanges.Outcome(id), CancellationToken.None));
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStarted;
        await writer.DisposeAsync();
        await store.DisposeAsync();
        return (records / elapsed.TotalSeconds, records / cpu.TotalSeconds);
    }

    private static void Check(AuditWriteResult result)
    {
        if (!result.Success)
        {
            throw new InvalidOperationException(result.Error);
        }
    }

    private sealed class BenchMeterFactory : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}
