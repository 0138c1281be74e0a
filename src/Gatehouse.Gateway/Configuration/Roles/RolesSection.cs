using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Roles;

/// <summary><c>roles</c>: who holds the gateway's admin and auditor roles.</summary>
internal sealed class RolesSection : ConfigSection<RolesConfig>
{
    public override string Key => "roles";

    public override RolesConfig Read(GatehouseConfig config) => config.Roles;

    public override GatehouseConfig Write(GatehouseConfig config, RolesConfig? options) => config with { Roles = options ?? new() };

    public override RolesConfig Bind(SectionReader section, SectionBindContext context) => RolesBinder.Bind(section);
}
