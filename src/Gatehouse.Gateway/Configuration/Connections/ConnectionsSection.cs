using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Connections;

/// <summary>
/// <c>connections</c>: the upstreams by unique name. The options are the list itself, as the snapshot and the routing
/// read it; an item that cannot be built (no name, no usable upstream) is reported and left out.
/// </summary>
internal sealed class ConnectionsSection : ConfigSection<IReadOnlyList<ConnectionConfig>>
{
    private static readonly HashSet<string> Kinds = new(["openai", "anthropic", "mcp", "http"], StringComparer.Ordinal);

    public override string Key => "connections";

    /// <summary>A connection's record retention needs the audit trail's checkpoints.</summary>
    public override IReadOnlyList<string> DependsOn => ["audit"];

    public override IReadOnlyList<ConnectionConfig> Read(GatehouseConfig config) => config.Connections;

    public override GatehouseConfig Write(GatehouseConfig config, IReadOnlyList<ConnectionConfig>? options) => config with { Connections = options ?? [] };

    public override IReadOnlyList<ConnectionConfig> Bind(SectionReader section, SectionBindContext context)
        => throw new InvalidOperationException("connections is a list; it binds from the root");

    public override void Validate(IReadOnlyList<ConnectionConfig> options, SectionValidation validation)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Count; i++)
        {
            var at = validation.ItemPath(Key, i);
            var connection = options[i];
            var name = connection.Name;
            if (!ConnectionNames.IsValid(name))
            {
                validation.Add($"{at}.name", $"'{name}' {ConnectionNames.Rule}");
            }
            else if (ConnectionNames.IsReserved(name))
            {
                validation.Add($"{at}.name", $"'{name}' is reserved by the gateway");
            }
            else if (!seen.Add(name))
            {
                validation.Add($"{at}.name", $"'{name}' is used by another connection");
            }

            if (!Kinds.Contains(connection.Kind))
            {
                validation.Add($"{at}.kind", $"'{connection.Kind}' is not one of openai, anthropic, mcp, http");
            }

            if (validation.Config.Audit.Checkpoints is null && connection.Retention.Records?.Keep is not null)
            {
                validation.Add($"{at}.retention.records", RetentionBinder.NeedsCheckpoints);
            }
        }
    }

    protected override IReadOnlyList<ConnectionConfig> BindFrom(SectionReader root, SectionBindContext context)
    {
        var connections = new List<ConnectionConfig>();
        var items = root.Items(Key);
        for (var i = 0; i < items.Count; i++)
        {
            if (ConnectionBinder.Bind(new SectionReader(items[i], root.Errors), context.Environment) is { } connection)
            {
                connections.Add(connection);
                context.Paths.Kept(Key, i);
            }
        }

        return connections;
    }
}
