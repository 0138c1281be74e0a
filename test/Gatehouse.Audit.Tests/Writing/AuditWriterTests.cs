using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Tests.Fakes;
using Gatehouse.Audit.Writing;
using Gatehouse.Storage;
using Gatehouse.Testing;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Audit.Tests.Writing;

public sealed class AuditWriterTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordIntent_ManyConcurrentCallers_CommitsInFewerTransactions()
    {
        await using var harness = new WriterHarness();
        var gate = new TaskCompletionSource();
        harness.Store.Gate = gate.Task;

        // The store holds its first commit until every caller has queued, however the threads are scheduled.
        var calls = Enumerable.Range(0, 500).Select(i => harness.Writer.RecordIntentAsync(Exchanges.Intent($"ex-{i}"), Token).AsTask()).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.Success));
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), results.Select(r => r.Sequence).Order());
        Assert.Equal(500, harness.Store.Entries.Count);
        Assert.InRange(harness.Store.Transactions, 1, 250);
    }

    [Fact]
    public async Task RecordOutcome_ReturnsTheSequenceItWasCommittedAt()
    {
        await using var harness = new WriterHarness();

        var intent = await harness.Writer.RecordIntentAsync(Exchanges.Intent("ex-1"), Token);
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        var outcome = await harness.Writer.RecordOutcomeAsync(Exchanges.Outcome("ex-1"), Token);

        Assert.Equal(1, intent.Sequence);
        Assert.Equal(2, outcome.Sequence);
        var stored = harness.Store.Entries[1];
        Assert.Equal(AuditEntryKinds.Outcome, stored.Kind);
        Assert.Equal(Exchanges.Start.AddSeconds(3), stored.Time);
    }

    [Fact]
    public async Task Append_StoreFails_FailsExactlyThatBatchAndRecovers()
    {
        await using var harness = new WriterHarness();
        var gate = new TaskCompletionSource();
        harness.Store.Gate = gate.Task;
        harness.Store.FailNext = 1;

        // The first call is taken alone while the gate is shut; the next four queue up behind it as one batch.
        var first = harness.Writer.RecordIntentAsync(Exchanges.Intent("ex-0"), Token).AsTask();
        await WaitUntil(() => QueueIsEmpty(harness));
        var queued = Enumerable.Range(1, 4)
            .Select(i => harness.Writer.RecordIntentAsync(Exchanges.Intent($"ex-{i}", "do not leak this"), Token).AsTask())
            .ToArray();
        gate.SetResult();

        var failed = await first;
        var later = await Task.WhenAll(queued);

        Assert.False(failed.Success);
        Assert.DoesNotContain("leak", failed.Error, StringComparison.Ordinal);
        Assert.All(later, r => Assert.True(r.Success));
        Assert.Equal([1L, 2, 3, 4], later.Select(r => r.Sequence).Order());
        Assert.Equal([1, 4], harness.Store.BatchSizes);
    }

    [Fact]
    public async Task Append_BatchFails_FailsEveryCallerInIt()
    {
        await using var harness = new WriterHarness();
        var gate = new TaskCompletionSource();
        harness.Store.Gate = gate.Task;
        var blocker = harness.Writer.RecordIntentAsync(Exchanges.Intent("ex-0"), Token).AsTask();
        await WaitUntil(() => QueueIsEmpty(harness));
        var batch = Enumerable.Range(1, 5)
            .Select(i => harness.Writer.RecordIntentAsync(Exchanges.Intent($"ex-{i}"), Token).AsTask())
            .ToArray();
        harness.Store.FailNext = 2;
        gate.SetResult();

        var results = await Task.WhenAll(batch.Append(blocker));
        var after = await harness.Writer.RecordIntentAsync(Exchanges.Intent("ex-6"), Token);

        Assert.All(results, r => Assert.False(r.Success));
        Assert.True(after.Success);
        Assert.Equal(1, after.Sequence);
    }

    [Fact]
    public async Task Append_StoreUnavailable_ReportsTheFailureKindAndLogsNoContent()
    {
        await using var harness = new WriterHarness();
        harness.Store.FailNext = 1;
        harness.Store.Failure = () => new StoreUnavailableException(StoreFailure.DiskFull);

        var result = await harness.Writer.RecordIntentAsync(Exchanges.Intent("ex-1", "top secret prompt"), Token);

        Assert.Equal(StoreUnavailableException.Describe(StoreFailure.DiskFull), result.Error);
        var logged = Assert.Single(harness.Logger.Collector.GetSnapshot(), r => r.Id.Id == 1201);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.DoesNotContain("secret", logged.Message, StringComparison.Ordinal);
        Assert.IsType<StoreUnavailableException>(logged.Exception);
    }

    [Fact]
    public async Task Append_QueueFull_WaitsForSpaceAndHonoursCancellation()
    {
        await using var harness = new WriterHarness(new AuditWriterOptions { QueueCapacity = 2, MaxBatchSize = 1 });
        var gate = new TaskCompletionSource();
        harness.Store.Gate = gate.Task;
        var inFlight = harness.Writer.RecordIntentAsync(Exchanges.Intent("ex-0"), Token).AsTask();
        await WaitUntil(() => QueueIsEmpty(harness));
        var queued = new[]
        {
            harness.Writer.RecordIntentAsync(Exchanges.Intent("ex-1"), Token).AsTask(),
            harness.Writer.RecordIntentAsync(Exchanges.Intent("ex-2"), Token).AsTask(),
        };
        using var cancel = new CancellationTokenSource();

        var blocked = harness.Writer.RecordIntentAsync(Exchanges.Intent("ex-3"), cancel.Token).AsTask();

        // The call must be waiting for space: one that went through (queued, dropped or refused) ends with a result,
        // not with the cancellation, and one that waits for something other than space is not ended by it (bounded).
        Assert.False(blocked.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked.WaitAsync(Eventually.DefaultTimeout, Token));
        gate.SetResult();
        var results = await Task.WhenAll(queued.Prepend(inFlight));
        Assert.All(results, r => Assert.True(r.Success));
        Assert.Equal(3, harness.Store.Entries.Count);
    }

    [Fact]
    public async Task StopAsync_DrainsQueuedEntriesThenRefusesNewOnes()
    {
        await using var harness = new WriterHarness(new AuditWriterOptions { MaxBatchSize = 2 });
        var gate = new TaskCompletionSource();
        harness.Store.Gate = gate.Task;
        var pending = Enumerable.Range(0, 7)
            .Select(i => harness.Writer.RecordIntentAsync(Exchanges.Intent($"ex-{i}"), Token).AsTask())
            .ToArray();

        var stopping = harness.Writer.StopAsync(Token);
        Assert.False(stopping.IsCompleted);
        gate.SetResult();
        await stopping;

        Assert.All(await Task.WhenAll(pending), r => Assert.True(r.Success));
        Assert.Equal(7, harness.Store.Entries.Count);
        var late = await harness.Writer.RecordIntentAsync(Exchanges.Intent("ex-late"), Token);
        Assert.False(late.Success);
    }

    [Fact]
    public async Task Append_RecordsBatchSizeAndDurationMetrics()
    {
        await using var harness = new WriterHarness();
        using var sizes = new MetricCollector<int>(harness.Meters, AuditWriterMetrics.MeterName, "gatehouse.audit.batch.size");
        using var durations = new MetricCollector<double>(harness.Meters, AuditWriterMetrics.MeterName, "gatehouse.audit.write.duration");
        using var depth = new MetricCollector<int>(harness.Meters, AuditWriterMetrics.MeterName, "gatehouse.audit.queue.depth");

        await harness.Writer.RecordIntentAsync(Exchanges.Intent("ex-1"), Token);
        depth.RecordObservableInstruments();

        Assert.Equal(1, Assert.Single(sizes.GetMeasurementSnapshot()).Value);
        Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(0, depth.LastMeasurement?.Value);
    }

    private static bool QueueIsEmpty(WriterHarness harness) => PendingCount(harness) == 0;

    private static int PendingCount(WriterHarness harness)
    {
        using var collector = new MetricCollector<int>(harness.Meters, AuditWriterMetrics.MeterName, "gatehouse.audit.queue.depth");
        collector.RecordObservableInstruments();
        return collector.LastMeasurement?.Value ?? -1;
    }

    private static Task WaitUntil(Func<bool> condition) => Eventually.UntilAsync(condition, "the writer to take the queued entry");
}
