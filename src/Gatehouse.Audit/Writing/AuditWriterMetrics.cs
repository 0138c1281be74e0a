using System.Diagnostics.Metrics;

namespace Gatehouse.Audit.Writing;

/// <summary>The audit writer's instruments.</summary>
internal sealed class AuditWriterMetrics
{
    public const string MeterName = "Gatehouse.Audit";

    private readonly Histogram<double> _writeDuration;
    private readonly Histogram<int> _batchSize;

    public AuditWriterMetrics(IMeterFactory meterFactory, Func<int> queueDepth)
    {
        var meter = meterFactory.Create(MeterName);
        _writeDuration = meter.CreateHistogram<double>(
            "gatehouse.audit.write.duration", "s", "Time to commit one batch of audit entries.");
        _batchSize = meter.CreateHistogram<int>(
            "gatehouse.audit.batch.size", "{entry}", "Entries committed in one transaction.");
        meter.CreateObservableGauge(
            "gatehouse.audit.queue.depth", queueDepth, "{entry}", "Entries waiting to be written.");
    }

    public void BatchWritten(int size, TimeSpan elapsed, bool succeeded)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", succeeded ? "committed" : "failed");
        _writeDuration.Record(elapsed.TotalSeconds, outcome);
        _batchSize.Record(size, outcome);
    }
}
