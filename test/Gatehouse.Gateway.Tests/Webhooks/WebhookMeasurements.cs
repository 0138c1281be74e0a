using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Gatehouse.Gateway.Tests.Webhooks;

/// <summary>Records the <c>gatehouse.webhook.*</c> measurements of one service provider's meters.</summary>
internal sealed class WebhookMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();

    public WebhookMeasurements(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope) && instrument.Name.StartsWith("gatehouse.webhook.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            All.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
        _listener.Start();
    }

    public ConcurrentQueue<(string Name, long Value, Dictionary<string, string?> Tags)> All { get; } = new();

    /// <summary>Sums the measurements of <paramref name="name"/> whose tag <paramref name="tag"/> is <paramref name="value"/>.</summary>
    public long Sum(string name, string tag, string value)
        => All.Where(m => m.Name == name && m.Tags.GetValueOrDefault(tag) == value).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
