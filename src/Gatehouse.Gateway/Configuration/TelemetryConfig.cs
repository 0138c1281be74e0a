namespace Gatehouse.Gateway.Configuration;

/// <summary>Where traces and metrics go.</summary>
public sealed record TelemetryConfig
{
    /// <summary>Gets the OTLP/HTTP endpoint; the default, null, exports nothing (metrics are still collected).</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>Gets the service name reported; the default is <c>gatehouse</c>.</summary>
    public string ServiceName { get; init; } = "gatehouse";
}
