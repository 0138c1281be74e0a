using Gatehouse.Export.Tests.Support;

namespace Gatehouse.Export.Tests.Running;

public sealed class SinkExporterTests
{
    [Fact]
    public async Task RunAsync_LogWithEntries_DeliversEverySequenceInOrderAndSavesTheCursor()
    {
        await using var temp = TempStore.Create();
        await temp.AppendAsync(Entries.Mixed(57));
        var transport = new ScriptedTransport();
        var exporter = Exporters.Create(temp, transport, batchSize: 10);
        using var stop = new CancellationTokenSource();

        var run = exporter.RunAsync(stop.Token);
        await Exporters.UntilAsync(() => exporter.Cursor == 57);
        await Exporters.StopAsync(run, stop);

        Assert.Equal(Enumerable.Range(1, 57).Select(i => (long)i), transport.Accepted.Select(e => e.Sequence));
        Assert.Equal(57, await temp.Cursors.ReadAsync("siem", CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_StoppedMidBatchThenRestarted_ResumesAfterTheSavedCursorWithNoGap()
    {
        await using var temp = TempStore.Create();
        await temp.AppendAsync(Entries.Mixed(40));
        var first = new ScriptedTransport { HangFromAttempt = 3 };
        var exporter = Exporters.Create(temp, first, batchSize: 7);
        using (var stop = new CancellationTokenSource())
        {
            var run = exporter.RunAsync(stop.Token);
            await Exporters.UntilAsync(() => first.Attempts == 3);
            await Exporters.StopAsync(run, stop);
        }

        Assert.Equal(14, await temp.Cursors.ReadAsync("siem", CancellationToken.None));
        var second = new ScriptedTransport();
        var restarted = Exporters.Create(temp, second, batchSize: 7);
        using (var stop = new CancellationTokenSource())
        {
            var run = restarted.RunAsync(stop.Token);
            await Exporters.UntilAsync(() => restarted.Cursor == 40);
            await Exporters.StopAsync(run, stop);
        }

        Assert.Equal(15, second.Accepted[0].Sequence);
        var all = first.Accepted.Concat(second.Accepted).Select(e => e.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), all);
    }

    [Fact]
    public async Task RunAsync_NewEntriesAfterCatchingUp_AreDeliveredWithoutARestart()
    {
        await using var temp = TempStore.Create();
        await temp.AppendAsync(Entries.Mixed(3));
        var transport = new ScriptedTransport();
        var exporter = Exporters.Create(temp, transport);
        using var stop = new CancellationTokenSource();
        var run = exporter.RunAsync(stop.Token);
        await Exporters.UntilAsync(() => exporter.Cursor == 3);

        await temp.AppendAsync(Entries.Mixed(5));
        await Exporters.UntilAsync(() => exporter.Cursor == 8);
        await Exporters.StopAsync(run, stop);

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), transport.Accepted.Select(e => e.Sequence));
    }
}
