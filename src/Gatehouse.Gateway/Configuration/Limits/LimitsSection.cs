using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Limits;

/// <summary><c>limits</c>: request sizes, time-outs and per-caller caps; each value's range is checked as it is read.</summary>
internal sealed class LimitsSection : ConfigSection<LimitsConfig>
{
    public override string Key => "limits";

    public override LimitsConfig Read(GatehouseConfig config) => config.Limits;

    public override GatehouseConfig Write(GatehouseConfig config, LimitsConfig? options) => config with { Limits = options ?? new() };

    public override LimitsConfig Bind(SectionReader s, SectionBindContext context)
    {
        var d = new LimitsConfig();
        var config = new LimitsConfig
        {
            MaxRequestBodyBytes = s.Long("maxRequestBodyBytes", d.MaxRequestBodyBytes, 1024, 1024L * 1024 * 1024),
            UpstreamTimeout = s.Duration("upstreamTimeout", d.UpstreamTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(2)),
            RequestHeadersTimeout = s.Duration("requestHeadersTimeout", d.RequestHeadersTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)),
            MinRequestBodyBytesPerSecond = (int)s.Long("minRequestBodyBytesPerSecond", d.MinRequestBodyBytesPerSecond, 1, 100L * 1024 * 1024),
            UnauthenticatedPerMinute = (int)s.Long("unauthenticatedPerMinute", d.UnauthenticatedPerMinute, 1, 1_000_000),
            RefusalAuditInterval = s.Duration("refusalAuditInterval", d.RefusalAuditInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            MaxHoldsPerCaller = (int)s.Long("maxHoldsPerCaller", d.MaxHoldsPerCaller, 1, 10_000),
            MaxPendingPerCaller = (int)s.Long("maxPendingPerCaller", d.MaxPendingPerCaller, 1, 10_000),
        };
        s.ReportUnknownKeys();
        return config;
    }
}
