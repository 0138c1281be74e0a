using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Proxy;

/// <summary><c>proxy</c>: the forward-proxy listener, off (null) unless the key is given.</summary>
internal sealed class ProxySection : ConfigSection<ProxyConfig>
{
    public override string Key => "proxy";

    /// <summary>The proxy needs a port of its own, and intercepted hosts go to configured connections.</summary>
    public override IReadOnlyList<string> DependsOn => ["server", "connections"];

    public override ProxyConfig? Read(GatehouseConfig config) => config.Proxy;

    public override GatehouseConfig Write(GatehouseConfig config, ProxyConfig? options) => config with { Proxy = options };

    public override ProxyConfig Bind(SectionReader section, SectionBindContext context) => ProxyBinder.Bind(section, context.Paths);

    public override void Validate(ProxyConfig options, SectionValidation validation)
    {
        if (ProxyBinder.ListenUri(options.Listen) is { } listen)
        {
            foreach (var url in validation.Config.Server.Urls)
            {
                if (Uri.TryCreate(url, UriKind.Absolute, out var other) && other.Port == listen.Port)
                {
                    validation.Add(PathOf("listen"), $"port {listen.Port} is also in server.urls ('{url}'); the proxy needs a port of its own");
                }
            }
        }

        var connections = validation.Config.Connections;
        for (var i = 0; i < options.Intercept.Count; i++)
        {
            var connection = options.Intercept[i].Connection;
            if (!connections.Any(c => string.Equals(c.Name, connection, StringComparison.OrdinalIgnoreCase)))
            {
                validation.Add($"{validation.ItemPath(PathOf("intercept"), i)}.connection",
                    $"'{connection}' is not a configured connection (one of: {string.Join(", ", connections.Select(c => c.Name))})");
            }
        }
    }

    protected override ProxyConfig? BindFrom(SectionReader root, SectionBindContext context)
        => root.Child(Key) is null ? null : Bind(root.Section(Key), context);
}
