using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Agents;

/// <summary><c>agents</c>: a required client certificate needs a CA bundle and a TLS listener that can ask for it.</summary>
internal sealed class AgentsSection : ConfigSection<AgentsConfig>
{
    public override string Key => "agents";

    /// <summary>The gateway sees a client certificate only where it ends TLS itself (<c>server.tls</c>).</summary>
    public override IReadOnlyList<string> DependsOn => ["server"];

    public override AgentsConfig Read(GatehouseConfig config) => config.Agents;

    public override GatehouseConfig Write(GatehouseConfig config, AgentsConfig? options) => config with { Agents = options ?? new() };

    public override AgentsConfig Bind(SectionReader s, SectionBindContext context)
    {
        var config = new AgentsConfig { RequireClientCertificate = s.Bool("requireClientCertificate", false), ClientCaFile = s.String("clientCaFile") };
        s.ReportUnknownKeys();
        return config;
    }

    public override void Validate(AgentsConfig options, SectionValidation validation)
    {
        var require = options.RequireClientCertificate;
        var caFile = options.ClientCaFile;
        if (caFile is not null && AgentsBinder.CaProblem(caFile) is { } problem)
        {
            validation.Add(PathOf("clientCaFile"), problem);
        }

        if (require && caFile is null)
        {
            validation.Add(PathOf("clientCaFile"), "required when requireClientCertificate is true: the PEM CA certificates that issue agents' client certificates");
        }

        if (require && validation.Config.Server.Tls is null)
        {
            validation.Add(PathOf("requireClientCertificate"),
                "the gateway sees a client certificate only where it ends TLS itself: set server.tls and listen on an https URL (server.urls)");
        }

        if (!require && caFile is not null)
        {
            validation.Add(PathOf("clientCaFile"), "is used only with requireClientCertificate: true");
        }
    }
}
