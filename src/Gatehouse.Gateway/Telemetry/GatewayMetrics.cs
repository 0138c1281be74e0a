using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gatehouse.Gateway.Telemetry;

/// <summary>The data path's metrics. Tags carry names and codes only, never content or identities' secrets.</summary>
internal sealed class GatewayMetrics
{
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _upstreamDuration;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(GatewayTelemetry.MeterName);
        _requests = meter.CreateCounter<long>("gatehouse.requests", "{request}", "Exchanges handled, by connection, API, status and decision.");
        _duration = meter.CreateHistogram<double>("gatehouse.request.duration", "s", "Time from request to the end of the response.");
        _upstreamDuration = meter.CreateHistogram<double>("gatehouse.upstream.duration", "s", "Time until the upstream's response headers.");
    }

    public void Record(string connection, string api, int status, string decision, TimeSpan duration, TimeSpan? upstream)
    {
        var tags = new TagList
        {
            { "connection", connection },
            { "api", api },
            { "status_code", status },
            { "decision", decision },
        };
        _requests.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
        if (upstream is { } u)
        {
            _upstreamDuration.Record(u.TotalSeconds, new TagList { { "connection", connection }, { "api", api } });
        }
    }
}
