using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Telemetry;

/// <summary><c>telemetry</c>: where traces go (OTLP) and the service name.</summary>
internal sealed class TelemetrySection : ConfigSection<TelemetryConfig>
{
    public override string Key => "telemetry";

    public override TelemetryConfig Read(GatehouseConfig config) => config.Telemetry;

    public override GatehouseConfig Write(GatehouseConfig config, TelemetryConfig? options) => config with { Telemetry = options ?? new() };

    public override TelemetryConfig Bind(SectionReader s, SectionBindContext context)
    {
        var config = new TelemetryConfig { OtlpEndpoint = s.String("otlpEndpoint"), ServiceName = s.String("serviceName") ?? "gatehouse" };
        s.ReportUnknownKeys();
        return config;
    }

    public override void Validate(TelemetryConfig options, SectionValidation validation)
    {
        if (options.OtlpEndpoint is { } endpoint && !HttpUrl.IsValid(endpoint))
        {
            validation.Add(PathOf("otlpEndpoint"), $"'{endpoint}' {HttpUrl.NotOne}");
        }
    }
}
