using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Access;

/// <summary><c>access</c>: the connections that may be requested just in time, each with its reviewers and limits.</summary>
internal sealed class AccessSection : ConfigSection<AccessConfig>
{
    public override string Key => "access";

    /// <summary>Each entry names a configured connection.</summary>
    public override IReadOnlyList<string> DependsOn => ["connections"];

    public override AccessConfig Read(GatehouseConfig config) => config.Access;

    public override GatehouseConfig Write(GatehouseConfig config, AccessConfig? options) => config with { Access = options ?? new() };

    public override AccessConfig Bind(SectionReader section, SectionBindContext context) => AccessBinder.Bind(section);

    public override void Validate(AccessConfig options, SectionValidation validation)
    {
        var known = new HashSet<string>(validation.Config.Connections.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, connection) in options.Connections)
        {
            var at = ConfigNode.ChildPath(PathOf("connections"), name);
            if (!known.Contains(name))
            {
                validation.Add(at, $"there is no connection named '{name}'");
            }

            if (connection.ReviewerGroups.Count == 0 && connection.ReviewerUsers.Count == 0)
            {
                validation.Add(ConfigNode.ChildPath(at, "reviewers"), "name at least one reviewer group or user");
            }
        }
    }
}
