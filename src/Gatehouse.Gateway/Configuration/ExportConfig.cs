using Gatehouse.Export.Sinks;

namespace Gatehouse.Gateway.Configuration;

/// <summary>Where the audit log is exported to (SIEMs, files); each sink keeps its own durable cursor.</summary>
public sealed record ExportConfig
{
    /// <summary>Gets the sinks, by unique name; the default is none (nothing is exported).</summary>
    public IReadOnlyList<ExportSinkConfig> Sinks { get; init; } = [];
}
