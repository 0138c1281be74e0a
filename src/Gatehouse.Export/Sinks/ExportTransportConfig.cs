using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Sinks;

/// <summary>Where a sink delivers: one derived record per transport type, which knows how to open its transport.</summary>
/// <remarks>
/// Adding a transport type is one derived record (its settings and <see cref="Create"/>) plus one case in the
/// configuration binder; the exporter only ever sees <see cref="IExportTransport"/>.
/// </remarks>
public abstract record ExportTransportConfig
{
    /// <summary>Gets the transport type as written in the configuration (<c>file</c>, <c>syslog</c>, ...).</summary>
    public abstract string Type { get; }

    /// <summary>Opens the transport; called once per sink when the exporter starts.</summary>
    public abstract IExportTransport Create(ExportTransportContext context);
}
