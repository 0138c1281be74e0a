using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Export;

/// <summary><c>export</c>: the sinks the audit log is exported to (<see cref="ExportBinder"/>).</summary>
internal sealed class ExportSection : ConfigSection<ExportConfig>
{
    public override string Key => "export";

    public override ExportConfig Read(GatehouseConfig config) => config.Export;

    public override GatehouseConfig Write(GatehouseConfig config, ExportConfig? options) => config with { Export = options ?? new() };

    public override ExportConfig Bind(SectionReader section, SectionBindContext context) => ExportBinder.Bind(section, context.Environment);
}
