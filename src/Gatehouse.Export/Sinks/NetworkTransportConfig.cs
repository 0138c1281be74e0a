using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Sinks;

/// <summary>A sink that delivers over the network: syslog (TCP, TLS, UDP), Splunk HEC, a signed webhook or OTLP logs.</summary>
/// <param name="Options">The transport's settings, exactly one kind set.</param>
public sealed record NetworkTransportConfig(NetworkTransportOptions Options) : ExportTransportConfig
{
    /// <inheritdoc />
    public override string Type => Options.Type;

    /// <inheritdoc />
    public override IExportTransport Create(ExportTransportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return NetworkTransports.Create(Options, null, context.Time, context.LoggerFactory.CreateLogger("Gatehouse.Export.Transports." + Options.Type));
    }
}
