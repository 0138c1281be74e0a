using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Gatehouse.Export.Running;

/// <summary>The export's instruments (meter <c>Gatehouse.Export</c>), shared by every sink and tagged with its name.</summary>
/// <remarks>Tags carry sink names and failure stages only, never event content.</remarks>
public sealed class ExportMetrics
{
    /// <summary>The meter's name, for the host's metrics pipeline.</summary>
    public const string MeterName = "Gatehouse.Export";

    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _batchDuration;
    private readonly ConcurrentDictionary<string, Func<long>> _lags = new(StringComparer.Ordinal);

    /// <summary>Initializes the instruments from <paramref name="meterFactory"/>.</summary>
    public ExportMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _delivered = meter.CreateCounter<long>("gatehouse.export.delivered", "{event}", "Events a sink's destination accepted.");
        _failures = meter.CreateCounter<long>("gatehouse.export.failures", "{failure}", "Failed attempts to read, deliver or save a cursor.");
        _batchDuration = meter.CreateHistogram<double>("gatehouse.export.batch.duration", "s", "Time to format and deliver one batch.");
        meter.CreateObservableGauge("gatehouse.export.lag", ObserveLags, "{entry}", "Audit entries not yet delivered to a sink.");
    }

    internal void Track(string sink, Func<long> lag) => _lags[sink] = lag;

    internal void Delivered(string sink, int count, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("sink", sink);
        _delivered.Add(count, tag);
        _batchDuration.Record(elapsed.TotalSeconds, tag);
    }

    internal void Failed(string sink, string stage) =>
        _failures.Add(1, new KeyValuePair<string, object?>("sink", sink), new KeyValuePair<string, object?>("stage", stage));

    private IEnumerable<Measurement<long>> ObserveLags() =>
        _lags.Select(pair => new Measurement<long>(pair.Value(), new KeyValuePair<string, object?>("sink", pair.Key)));
}
