using Gatehouse.Audit.Writing;
using Gatehouse.Export.Running;
using Gatehouse.Export.Tests.Support;
using Gatehouse.Testing;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Export.Tests.Running;

public sealed class SinkDownTests
{
    [Fact]
    public async Task RunAsync_TransportFails_BacksOffCountsFailuresThenDeliversOnce()
    {
        await using var temp = TempStore.Create();
        await temp.AppendAsync(Entries.Mixed(5));
        using var meters = new TestMeterFactory();
        using var failures = new MetricCollector<long>(meters, ExportMetrics.MeterName, "gatehouse.export.failures");
        var time = new FakeTimeProvider(Entries.Time);
        var timers = new TimerWatch(time, time.Advance);
        var transport = new ScriptedTransport { FailuresLeft = 2 };
        var options = new ExportRunOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(60), PollInterval = TimeSpan.FromSeconds(1) };
        var exporter = Exporters.Create(temp, transport, time: timers, metrics: new ExportMetrics(meters), options: options);
        using var stop = new CancellationTokenSource();
        var run = exporter.RunAsync(stop.Token);

        await timers.UntilArmedAsync("the exporter to sleep on its first backoff");
        time.Advance(TimeSpan.FromMilliseconds(400));

        // The first backoff is 0.5 to 1 s: the exporter still sleeps on it, so it cannot have tried again.
        Assert.Equal(1, timers.Armed());
        Assert.Equal(1, transport.Attempts);

        time.Advance(TimeSpan.FromMilliseconds(600));
        await Exporters.UntilAsync(() => transport.Attempts == 2);
        await timers.UntilArmedAsync("the exporter to sleep on its second backoff");
        Assert.InRange(timers.NextDue()!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(2));
        await Exporters.UntilAsync(() => exporter.Cursor == 5);
        await Exporters.StopAsync(run, stop);

        Assert.Equal(3, transport.Attempts);
        Assert.Equal(2, failures.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), transport.Accepted.Select(e => e.Sequence));
    }

    [Fact]
    public async Task AuditAppends_WhileASinkHangs_CommitPromptlyAndTheLagShows()
    {
        await using var temp = TempStore.Create();
        using var meters = new TestMeterFactory();
        using var lag = new MetricCollector<long>(meters, ExportMetrics.MeterName, "gatehouse.export.lag");
        var transport = new ScriptedTransport { HangFromAttempt = 1 };
        var exporter = Exporters.Create(temp, transport, batchSize: 10, metrics: new ExportMetrics(meters));
        await using var writer = new AuditWriter(temp.Store, new AuditWriterOptions(), TimeProvider.System, meters, NullLogger<AuditWriter>.Instance);
        using var stop = new CancellationTokenSource();
        var run = exporter.RunAsync(stop.Token);
        await writer.AppendAsync(Entries.Mixed(1)[0], CancellationToken.None);
        await transport.FirstAttempt.Task.WaitAsync(Eventually.DefaultTimeout, TestContext.Current.CancellationToken);

        // The sink hangs until the exporter stops, so appends that waited on it would never finish: the deadline only
        // bounds how long a broken writer hangs the test; it is not a speed limit.
        var appends = await Task.WhenAll(Entries.Mixed(200).Select(d => writer.AppendAsync(d, CancellationToken.None).AsTask()))
            .WaitAsync(Eventually.DefaultTimeout, TestContext.Current.CancellationToken);

        Assert.All(appends, a => Assert.True(a.Success));
        Assert.Equal(0, exporter.Cursor);
        await Exporters.StopAsync(run, stop);
        lag.RecordObservableInstruments();
        Assert.True(lag.LastMeasurement?.Value >= 1);
    }
}
